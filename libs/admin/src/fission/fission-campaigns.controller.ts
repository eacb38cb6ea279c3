import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { type FissionAction, FissionCampaignService, FissionStatsService } from '@app/growth';
import { AdminRole } from '../auth/entities/admin-user.entity';
import { Roles } from '../auth/roles.decorator';
import { ApiAdminAuth } from '../common/api-admin-auth.decorator';
import { ApiErrorResponse } from '../common/api-error.response';
import { CreateFissionCampaignDto } from './dto/create-fission-campaign.dto';
import { ListFissionCampaignsQuery } from './dto/list-fission-campaigns.query';
import {
  FissionCampaignPage,
  FissionCampaignView,
  FissionStatsView,
} from './dto/fission-campaign.view';

const ID = new ParseIntPipe({ errorHttpStatusCode: 400 });

@ApiTags('fission-campaigns')
@ApiAdminAuth()
@Controller('api/v1/admin/fission-campaigns')
export class FissionCampaignsController {
  constructor(
    private readonly campaigns: FissionCampaignService,
    private readonly stats: FissionStatsService,
  ) {}

  @Post()
  @Roles(AdminRole.MARKETER)
  @ApiOperation({
    operationId: 'createFissionCampaign',
    summary: 'Create a share-link campaign (ACTIVE between startsAt and endsAt)',
  })
  @ApiCreatedResponse({ type: FissionCampaignView })
  @ApiBadRequestResponse({
    type: ApiErrorResponse,
    description: 'Invalid fields or unknown template',
  })
  @ApiConflictResponse({ type: ApiErrorResponse, description: 'shareKeyword/menuKey already used' })
  async create(@Body() dto: CreateFissionCampaignDto): Promise<FissionCampaignView> {
    return FissionCampaignView.from(await this.campaigns.create(dto));
  }

  @Get()
  @Roles(AdminRole.MARKETER, AdminRole.VIEWER)
  @ApiOperation({
    operationId: 'listFissionCampaigns',
    summary: 'List campaigns, newest first (optionally by status)',
  })
  @ApiOkResponse({ type: FissionCampaignPage })
  async list(@Query() q: ListFissionCampaignsQuery): Promise<FissionCampaignPage> {
    const { items, total } = await this.campaigns.list(q.page, q.pageSize, q.status);
    return {
      items: items.map((c) => FissionCampaignView.from(c)),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  @Get(':id')
  @Roles(AdminRole.MARKETER, AdminRole.VIEWER)
  @ApiOperation({ operationId: 'getFissionCampaign', summary: 'One campaign' })
  @ApiParam({ name: 'id', type: Number })
  @ApiOkResponse({ type: FissionCampaignView })
  @ApiNotFoundResponse({ type: ApiErrorResponse })
  async get(@Param('id', ID) id: number): Promise<FissionCampaignView> {
    return FissionCampaignView.from(await this.campaigns.get(id));
  }

  @Get(':id/stats')
  @Roles(AdminRole.MARKETER, AdminRole.VIEWER)
  @ApiOperation({
    operationId: 'getFissionCampaignStats',
    summary: 'Funnel: sharers, links opened, friends claimed, invites counted/ignored, rewards',
  })
  @ApiParam({ name: 'id', type: Number })
  @ApiOkResponse({ type: FissionStatsView })
  @ApiNotFoundResponse({ type: ApiErrorResponse })
  async getStats(@Param('id', ID) id: number): Promise<FissionStatsView> {
    return this.stats.stats(id);
  }

  @Post(':id/pause')
  @HttpCode(200)
  @Roles(AdminRole.MARKETER)
  @ApiOperation({ operationId: 'pauseFissionCampaign', summary: 'ACTIVE -> PAUSED' })
  @ApiParam({ name: 'id', type: Number })
  @ApiOkResponse({ type: FissionCampaignView })
  @ApiNotFoundResponse({ type: ApiErrorResponse })
  @ApiConflictResponse({ type: ApiErrorResponse, description: 'Illegal status transition' })
  pause(@Param('id', ID) id: number): Promise<FissionCampaignView> {
    return this.transition(id, 'pause');
  }

  @Post(':id/activate')
  @HttpCode(200)
  @Roles(AdminRole.MARKETER)
  @ApiOperation({ operationId: 'activateFissionCampaign', summary: 'PAUSED -> ACTIVE' })
  @ApiParam({ name: 'id', type: Number })
  @ApiOkResponse({ type: FissionCampaignView })
  @ApiNotFoundResponse({ type: ApiErrorResponse })
  @ApiConflictResponse({ type: ApiErrorResponse, description: 'Illegal status transition' })
  activate(@Param('id', ID) id: number): Promise<FissionCampaignView> {
    return this.transition(id, 'activate');
  }

  @Post(':id/end')
  @HttpCode(200)
  @Roles(AdminRole.MARKETER)
  @ApiOperation({
    operationId: 'endFissionCampaign',
    summary: 'ACTIVE|PAUSED -> ENDED (final; links stop working)',
  })
  @ApiParam({ name: 'id', type: Number })
  @ApiOkResponse({ type: FissionCampaignView })
  @ApiNotFoundResponse({ type: ApiErrorResponse })
  @ApiConflictResponse({ type: ApiErrorResponse, description: 'Illegal status transition' })
  end(@Param('id', ID) id: number): Promise<FissionCampaignView> {
    return this.transition(id, 'end');
  }

  private async transition(id: number, action: FissionAction): Promise<FissionCampaignView> {
    return FissionCampaignView.from(await this.campaigns.transition(id, action));
  }
}
