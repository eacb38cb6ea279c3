import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  Post,
  Put,
  Req,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { AudienceService } from '@app/coupon';
import { AudienceSyncJob } from '@app/growth';
import { AdminRole } from '../auth/entities/admin-user.entity';
import { Roles } from '../auth/roles.decorator';
import { ApiErrorResponse, ApiRefusalResponse } from '../common/api-error.response';
import { ApiAdminAuth } from '../common/api-admin-auth.decorator';
import {
  AudienceList,
  AudienceMembersDto,
  AudienceView,
  CreateAudienceDto,
  MembersUploadResult,
} from './dto/audience.dto';
import { JobAcceptedView } from '../jobs/dto/growth-job.view';
import { STREAMED_UPLOAD, uploadLines } from './upload-body';

const ID = new ParseIntPipe({ errorHttpStatusCode: 400 });
const OPENID_EXAMPLE = 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o';

@ApiTags('audiences')
@ApiAdminAuth()
@Controller('api/v1/admin/audiences')
export class AudiencesController {
  constructor(
    private readonly audiences: AudienceService,
    private readonly syncs: AudienceSyncJob,
  ) {}

  @Post()
  @Roles(AdminRole.MARKETER)
  @ApiOperation({
    operationId: 'createAudience',
    summary: 'Create an audience: who may claim a template (audienceId on the template)',
  })
  @ApiCreatedResponse({ type: AudienceView })
  @ApiBadRequestResponse({ type: ApiErrorResponse, description: 'Invalid fields (tagId rules)' })
  async create(@Body() dto: CreateAudienceDto): Promise<AudienceView> {
    return AudienceView.from(await this.audiences.create(dto));
  }

  @Get()
  @Roles(AdminRole.MARKETER, AdminRole.VIEWER)
  @ApiOperation({ operationId: 'listAudiences', summary: 'Every audience, newest first' })
  @ApiOkResponse({ type: AudienceList })
  async list(): Promise<AudienceList> {
    return { items: (await this.audiences.list()).map((a) => AudienceView.from(a)) };
  }

  @Get(':id')
  @Roles(AdminRole.MARKETER, AdminRole.VIEWER)
  @ApiOperation({
    operationId: 'getAudience',
    summary: 'One audience with memberCount, syncedAt and syncStatus',
  })
  @ApiParam({ name: 'id', type: Number })
  @ApiOkResponse({ type: AudienceView })
  @ApiNotFoundResponse({ type: ApiErrorResponse })
  async get(@Param('id', ID) id: number): Promise<AudienceView> {
    return AudienceView.from(await this.audiences.get(id));
  }

  @Put(':id/members')
  @Roles(AdminRole.MARKETER)
  @RouteConfig({ [STREAMED_UPLOAD]: true })
  @ApiOperation({
    operationId: 'replaceAudienceMembers',
    summary: "Replace an OPENID_LIST's members from a CSV or JSON upload (up to 1,000,000)",
    description:
      'text/csv: one openid per line (an `openid` header line is allowed). application/json: an ' +
      'array of openid strings. Read as it streams, never held whole. All or nothing: any line ' +
      'that is not an openid refuses the upload (400, details.invalidLines with line numbers) and ' +
      'the old list stays; the new list replaces the old one only once it is complete.',
  })
  @ApiParam({ name: 'id', type: Number })
  @ApiConsumes('text/csv', 'application/json')
  @ApiBody({
    schema: { type: 'string', example: `openid\n${OPENID_EXAMPLE}\n` },
    description: 'CSV (one openid per line) or a JSON array of strings',
  })
  @ApiOkResponse({ type: MembersUploadResult })
  @ApiBadRequestResponse({
    type: ApiRefusalResponse,
    description:
      'Invalid lines: details = {invalidCount, invalidLines: [{line, reason}]} (first 100)',
  })
  @ApiNotFoundResponse({ type: ApiErrorResponse })
  @ApiConflictResponse({
    type: ApiRefusalResponse,
    description: 'A WECHAT_TAG audience, or another upload/sync of it is running',
  })
  @ApiUnsupportedMediaTypeResponse({ type: ApiErrorResponse, description: 'Not CSV or JSON' })
  async upload(
    @Param('id', ID) id: number,
    @Req() request: FastifyRequest,
  ): Promise<MembersUploadResult> {
    const lines = uploadLines(request);
    if (!lines) {
      throw new UnsupportedMediaTypeException('Upload members as text/csv or application/json');
    }
    const { audience, accepted } = await this.audiences.replaceMembers(id, lines);
    return { audience: AudienceView.from(audience), accepted };
  }

  @Post(':id/sync')
  @HttpCode(202)
  @Roles(AdminRole.MARKETER)
  @ApiOperation({
    operationId: 'syncAudience',
    summary: "Pull a WECHAT_TAG audience's followers from the platform (background job)",
    description:
      'Pages cgi-bin/user/tag/get by next_openid into a new list, swapped in when complete; ' +
      'progress at GET /api/v1/admin/jobs/{id}; resumes from its last page after a restart. ' +
      'One sync per audience at a time: while one is queued or running, this returns it.',
  })
  @ApiParam({ name: 'id', type: Number })
  @ApiAcceptedResponse({ type: JobAcceptedView, description: 'The (new or running) sync job' })
  @ApiNotFoundResponse({ type: ApiErrorResponse })
  @ApiConflictResponse({ type: ApiRefusalResponse, description: 'Not a WECHAT_TAG audience' })
  async sync(@Param('id', ID) id: number): Promise<JobAcceptedView> {
    const { job } = await this.syncs.start(id);
    return JobAcceptedView.accepted(job);
  }

  @Post(':id/members::add')
  @HttpCode(200)
  @Roles(AdminRole.MARKETER)
  @ApiOperation({
    operationId: 'addAudienceMembers',
    summary: 'Add openids to an OPENID_LIST (their next claim on any instance is admitted)',
  })
  @ApiParam({ name: 'id', type: Number })
  @ApiOkResponse({ type: AudienceView })
  @ApiBadRequestResponse({ type: ApiErrorResponse })
  @ApiNotFoundResponse({ type: ApiErrorResponse })
  @ApiConflictResponse({ type: ApiRefusalResponse, description: 'A WECHAT_TAG audience' })
  async add(@Param('id', ID) id: number, @Body() dto: AudienceMembersDto): Promise<AudienceView> {
    return AudienceView.from(await this.audiences.addMembers(id, dto.openids));
  }

  @Post(':id/members::remove')
  @HttpCode(200)
  @Roles(AdminRole.MARKETER)
  @ApiOperation({
    operationId: 'removeAudienceMembers',
    summary: 'Remove openids from an OPENID_LIST (coupons they hold are kept)',
  })
  @ApiParam({ name: 'id', type: Number })
  @ApiOkResponse({ type: AudienceView })
  @ApiBadRequestResponse({ type: ApiErrorResponse })
  @ApiNotFoundResponse({ type: ApiErrorResponse })
  @ApiConflictResponse({ type: ApiRefusalResponse, description: 'A WECHAT_TAG audience' })
  async remove(
    @Param('id', ID) id: number,
    @Body() dto: AudienceMembersDto,
  ): Promise<AudienceView> {
    return AudienceView.from(await this.audiences.removeMembers(id, dto.openids));
  }
}
