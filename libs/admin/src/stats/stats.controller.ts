import { Controller, Get, Param, ParseIntPipe, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { CouponStatsService } from '@app/coupon';
import { AdminRole } from '../auth/entities/admin-user.entity';
import { Roles } from '../auth/roles.decorator';
import { ApiErrorResponse } from '../common/api-error.response';
import { ApiAdminAuth } from '../common/api-admin-auth.decorator';
import { OverviewStatsView, StatsRangeQuery, TemplateStatsView } from './dto/stats.view';

@ApiTags('stats')
@ApiAdminAuth()
@Roles(AdminRole.MARKETER, AdminRole.VIEWER)
@Controller('api/v1/admin/stats')
export class StatsController {
  constructor(private readonly stats: CouponStatsService) {}

  @Get('overview')
  @ApiOperation({ operationId: 'getStatsOverview', summary: 'Totals across all templates' })
  @ApiOkResponse({ type: OverviewStatsView })
  async overview(): Promise<OverviewStatsView> {
    return OverviewStatsView.from(await this.stats.overview());
  }

  @Get('templates/:id')
  @ApiOperation({
    operationId: 'getTemplateStats',
    summary: 'One template: counts, redemption rate, discount given, claims per hour',
  })
  @ApiParam({ name: 'id', type: Number })
  @ApiOkResponse({ type: TemplateStatsView })
  @ApiBadRequestResponse({ type: ApiErrorResponse, description: 'Bad id or range (max 31 days)' })
  @ApiNotFoundResponse({ type: ApiErrorResponse, description: 'Unknown template' })
  async template(
    @Param('id', new ParseIntPipe({ errorHttpStatusCode: 400 })) id: number,
    @Query() range: StatsRangeQuery,
  ): Promise<TemplateStatsView> {
    return TemplateStatsView.from(await this.stats.forTemplate(id, range.toRange()));
  }
}
