import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditEventSink } from '@app/audit';
import { AdminRole } from '../auth/entities/admin-user.entity';
import { Roles } from '../auth/roles.decorator';
import { ApiErrorResponse } from '../common/api-error.response';
import { AuditEventQuery, AuditEventSummaryQuery } from './dto/audit-event.query';
import {
  AuditEventPageView,
  AuditEventSummaryView,
  AuditEventView,
  OutcomeCountView,
} from './dto/audit-event.view';
import { ApiAdminAuth } from '../common/api-admin-auth.decorator';

const toDate = (iso?: string): Date | undefined => (iso === undefined ? undefined : new Date(iso));

@ApiTags('audit')
@ApiAdminAuth()
@ApiBadRequestResponse({ type: ApiErrorResponse, description: 'Invalid filter' })
@Roles(AdminRole.MARKETER, AdminRole.VIEWER)
@Controller('api/v1/admin/audit/claim-logs')
export class AuditEventsController {
  constructor(private readonly logs: AuditEventSink) {}

  @Get()
  @ApiOperation({
    operationId: 'listClaimLogs',
    summary: 'Audit trail (claim attempts, redemptions, undos, revocations), newest first',
    description:
      'Written asynchronously from a Redis Stream: the newest events may lag by a moment.',
  })
  @ApiOkResponse({ type: AuditEventPageView })
  async list(@Query() q: AuditEventQuery): Promise<AuditEventPageView> {
    const { items, total } = await this.logs.query(
      {
        openid: q.openid,
        templateId: q.templateId,
        outcome: q.outcome,
        kind: q.kind,
        from: toDate(q.from),
        to: toDate(q.to),
      },
      { page: q.page, pageSize: q.pageSize },
    );
    return {
      items: items.map((e) => AuditEventView.from(e)),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  @Get('summary')
  @ApiOperation({
    operationId: 'summarizeClaimLogs',
    summary: 'Count of each outcome per template in [from, to)',
  })
  @ApiOkResponse({ type: AuditEventSummaryView })
  async summary(@Query() q: AuditEventSummaryQuery): Promise<AuditEventSummaryView> {
    const from = new Date(q.from);
    const to = new Date(q.to);
    const counts = await this.logs.summary({ from, to, templateId: q.templateId });
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      outcomes: counts.map((c) => OutcomeCountView.from(c)),
    };
  }
}
