import { BadRequestException, Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@app/core';
import { JsapiTicketService } from '@app/wechat';
import { h5Config, type H5Config } from '../h5.settings';
import { JssdkConfigQuery, JssdkConfigView } from './dto/jssdk-config.dto';

/** wx.config() for our H5 pages (the share card): signed only for URLs on H5_BASE_URL. */
@Public()
@ApiTags('h5')
@Controller('h5/api')
export class JssdkController {
  constructor(
    private readonly tickets: JsapiTicketService,
    @Inject(h5Config.KEY) private readonly cfg: H5Config,
  ) {}

  @Get('jssdk-config')
  @ApiOperation({
    operationId: 'getJssdkConfig',
    summary: 'JS-SDK wx.config() values for one of our H5 page URLs',
    description:
      'signature = SHA-1 of jsapi_ticket, noncestr, timestamp and url (without #fragment). The ' +
      'jsapi_ticket is shared by all instances through Redis (one fetch, refreshed ahead).',
  })
  @ApiOkResponse({ type: JssdkConfigView })
  @ApiBadRequestResponse({ description: 'url missing, malformed or not one of our pages' })
  async config(@Query() q: JssdkConfigQuery): Promise<JssdkConfigView> {
    const url = q.url.split('#')[0];
    if (new URL(url).origin !== new URL(this.cfg.baseUrl).origin) {
      throw new BadRequestException('url must be a page under H5_BASE_URL');
    }
    return this.tickets.config(url);
  }
}
