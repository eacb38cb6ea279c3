import { Body, Controller, Get, Param, ParseIntPipe, Post } from '@nestjs/common';
import {
  ApiBadGatewayResponse,
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { CampaignPushService } from '@app/growth';
import { toHttpError } from '@app/wechat';
import { AdminRole } from '../auth/entities/admin-user.entity';
import { Roles } from '../auth/roles.decorator';
import { ApiErrorResponse } from '../common/api-error.response';
import { ApiAdminAuth } from '../common/api-admin-auth.decorator';
import { CampaignPushView, CreateCampaignPushDto } from './dto/campaign-push.dto';

const ID = new ParseIntPipe({ errorHttpStatusCode: 400 });

@ApiTags('campaign-pushes')
@ApiAdminAuth()
@Controller('api/v1/admin/campaign-pushes')
export class CampaignPushesController {
  constructor(private readonly pushes: CampaignPushService) {}

  @Post()
  @Roles(AdminRole.MARKETER)
  @ApiOperation({
    operationId: 'createCampaignPush',
    summary: 'Tell an audience about a campaign (or preview it to one follower)',
    description:
      'WECHAT_TAG audience: one cgi-bin/message/mass/sendall filtered by the tag; the push keeps ' +
      'its msg_id and is finished by the MASSSENDJOBFINISH event (counts). OPENID_LIST audience: ' +
      'one customer-service message per follower through a durable queue at ' +
      'PUSH_RATE_PER_SECOND, each follower at most once even across crashes; 45015 (no ' +
      'interaction within 48 h) counts as notReachable, not retried. With preview.openid only ' +
      'that follower gets it (mass/preview for a tag).',
  })
  @ApiCreatedResponse({ type: CampaignPushView })
  @ApiBadRequestResponse({ type: ApiErrorResponse })
  @ApiNotFoundResponse({ type: ApiErrorResponse, description: 'No such template or audience' })
  @ApiBadGatewayResponse({ type: ApiErrorResponse, description: 'WeChat refused the send' })
  async create(@Body() dto: CreateCampaignPushDto): Promise<CampaignPushView> {
    try {
      const push = await this.pushes.create({
        templateId: dto.templateId,
        audienceId: dto.audienceId,
        text: dto.message.text,
        previewOpenid: dto.preview?.openid,
      });
      return CampaignPushView.from(push);
    } catch (err) {
      throw toHttpError(err);
    }
  }

  @Get(':id')
  @Roles(AdminRole.MARKETER, AdminRole.VIEWER)
  @ApiOperation({ operationId: 'getCampaignPush', summary: 'A push: state and counts' })
  @ApiParam({ name: 'id', type: Number })
  @ApiOkResponse({ type: CampaignPushView })
  @ApiNotFoundResponse({ type: ApiErrorResponse })
  async get(@Param('id', ID) id: number): Promise<CampaignPushView> {
    return CampaignPushView.from(await this.pushes.get(id));
  }
}
