import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseIntPipe,
  Post,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadGatewayResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { type CouponStatus } from '@app/coupon';
import { TagFromCouponsJob, type TaggableStatus } from '@app/growth';
import { ApiException, fieldError } from '@app/core';
import { toHttpError, WechatApiError, WechatTagsClient } from '@app/wechat';
import { AdminRole } from '../auth/entities/admin-user.entity';
import { Roles } from '../auth/roles.decorator';
import { ApiErrorResponse, ApiRefusalResponse } from '../common/api-error.response';
import { ApiAdminAuth } from '../common/api-admin-auth.decorator';
import { JobAcceptedView } from '../jobs/dto/growth-job.view';
import {
  CreatedWechatTag,
  CreateWechatTagDto,
  TagFromCouponsDto,
  WechatTagList,
} from './dto/wechat-tag.dto';

/** The platform's "no" to a tag create that the caller can act on: 409 with the errcode. */
const TAG_CONFLICTS = new Map<number, string>([
  [45157, 'A tag with this name exists already'],
  [45056, 'The account has too many tags (at most 100)'],
]);
const TAG_NAME_MAX_BYTES = 30;

@ApiTags('wechat')
@ApiAdminAuth()
@ApiBadGatewayResponse({ type: ApiErrorResponse, description: 'WeChat refused or is unreachable' })
@Controller('api/v1/admin/wechat/tags')
export class WechatTagsController {
  constructor(
    private readonly tags: WechatTagsClient,
    private readonly tagging: TagFromCouponsJob,
  ) {}

  @Get()
  @Roles(AdminRole.MARKETER, AdminRole.VIEWER)
  @ApiOperation({
    operationId: 'listWechatTags',
    summary: "The account's user tags with their follower counts (cgi-bin/tags/get)",
  })
  @ApiOkResponse({ type: WechatTagList })
  async list(): Promise<WechatTagList> {
    try {
      return { tags: await this.tags.list() };
    } catch (err) {
      throw toHttpError(err);
    }
  }

  @Post()
  @Roles(AdminRole.MARKETER)
  @ApiOperation({
    operationId: 'createWechatTag',
    summary: 'Create a user tag (cgi-bin/tags/create)',
  })
  @ApiCreatedResponse({ type: CreatedWechatTag })
  @ApiBadRequestResponse({ type: ApiErrorResponse, description: 'Name empty or over 30 bytes' })
  @ApiConflictResponse({
    type: ApiRefusalResponse,
    description: 'Duplicate name (details.errcode 45157) or too many tags (45056)',
  })
  async create(@Body() dto: CreateWechatTagDto): Promise<CreatedWechatTag> {
    if (Buffer.byteLength(dto.name, 'utf8') > TAG_NAME_MAX_BYTES) {
      throw fieldError('name', `name must be at most ${TAG_NAME_MAX_BYTES} bytes (UTF-8)`);
    }
    try {
      return await this.tags.create(dto.name);
    } catch (err) {
      const conflict = err instanceof WechatApiError ? TAG_CONFLICTS.get(err.errcode) : undefined;
      if (err instanceof WechatApiError && conflict) {
        throw new ApiException(HttpStatus.CONFLICT, conflict, {
          errcode: err.errcode,
          errmsg: err.errmsg,
        });
      }
      throw toHttpError(err);
    }
  }

  @Post(':tagId/members/from-coupons')
  @HttpCode(202)
  @Roles(AdminRole.MARKETER)
  @ApiOperation({
    operationId: 'tagFollowersFromCoupons',
    summary: 'Tag every follower holding a coupon of a template (background job)',
    description:
      'cgi-bin/tags/members/batchtagging in chunks of at most 50 openids; progress at ' +
      'GET /api/v1/admin/jobs/{id}; resumes from the last chunk after a restart; busy (-1) is ' +
      'retried with a doubling pause (TAGGING_BUSY_BACKOFF_MS); a quota error (45009...) stops ' +
      'the job with the errcode in its error. While the same tagging is queued or running, this ' +
      'returns it.',
  })
  @ApiParam({ name: 'tagId', type: Number, example: 134 })
  @ApiAcceptedResponse({ type: JobAcceptedView })
  @ApiBadRequestResponse({ type: ApiErrorResponse })
  @ApiNotFoundResponse({ type: ApiErrorResponse, description: 'No such template or tag' })
  async tagFromCoupons(
    @Param('tagId', new ParseIntPipe({ errorHttpStatusCode: 400 })) tagId: number,
    @Body() dto: TagFromCouponsDto,
  ): Promise<JobAcceptedView> {
    const status = (dto.status ?? null) as (CouponStatus & TaggableStatus) | null;
    try {
      const { job } = await this.tagging.start(tagId, dto.templateId, status);
      return JobAcceptedView.accepted(job);
    } catch (err) {
      throw toHttpError(err);
    }
  }
}
