import { Body, Controller, Get, Put } from '@nestjs/common';
import {
  ApiBadGatewayResponse,
  ApiBadRequestResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { WechatMenuService } from '@app/wechat';
import { AdminRole } from '../auth/entities/admin-user.entity';
import { Roles } from '../auth/roles.decorator';
import { ApiErrorResponse } from '../common/api-error.response';
import { WechatMenuDto } from './dto/wechat-menu.dto';
import { ApiAdminAuth } from '../common/api-admin-auth.decorator';

@ApiTags('wechat')
@ApiAdminAuth()
@ApiBadGatewayResponse({ type: ApiErrorResponse, description: 'WeChat refused or is unreachable' })
@Roles(AdminRole.MARKETER)
@Controller('api/v1/admin/wechat/menu')
export class WechatMenuController {
  constructor(private readonly menus: WechatMenuService) {}

  @Get()
  @ApiOperation({
    operationId: 'getWechatMenu',
    summary: "The Official Account's current custom menu, as WeChat has it",
  })
  @ApiOkResponse({ type: WechatMenuDto })
  current(): Promise<WechatMenuDto> {
    return this.menus.current();
  }

  @Put()
  @ApiOperation({
    operationId: 'publishWechatMenu',
    summary: 'Publish the custom menu (replaces it)',
    description:
      "Checked against WeChat's limits before anything is sent: ≤ 3 top-level buttons, ≤ 5 " +
      'sub-buttons, names ≤ 16/60 bytes, key ≤ 128 bytes, url ≤ 1024 bytes, and each button has ' +
      'either sub_button or a type. CLICK keys are the menuKey of coupon templates.',
  })
  @ApiOkResponse({ type: WechatMenuDto, description: 'The menu as published' })
  @ApiBadRequestResponse({
    type: ApiErrorResponse,
    description: 'Invalid menu; details name each problem by path, e.g. button[1].sub_button[5]',
  })
  async publish(@Body() menu: WechatMenuDto): Promise<WechatMenuDto> {
    await this.menus.publish(menu);
    return menu;
  }
}
