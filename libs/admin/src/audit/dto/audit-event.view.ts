import { ApiProperty } from '@nestjs/swagger';
import type { AuditEvent, OutcomeCount } from '@app/audit';
import { AUDIT_KINDS } from '@app/core';

export class AuditEventView {
  @ApiProperty({ example: '0193b5a2-7c1e-7f00-8a3b-2f4c5d6e7f80' }) eventId: string;
  @ApiProperty({ enum: AUDIT_KINDS }) kind: string;
  @ApiProperty({ example: 'GRANTED' }) outcome: string;
  @ApiProperty({ type: Number, nullable: true }) templateId: number | null;
  @ApiProperty({ type: String, nullable: true }) openid: string | null;
  @ApiProperty({ type: String, nullable: true }) couponCode: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'MsgId / event key / requestNo' })
  requestKey: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'KEYWORD' }) channel: string | null;
  @ApiProperty({ type: Number, nullable: true }) latencyMs: number | null;
  @ApiProperty({ description: 'App instance (host:pid) that handled it' }) instance: string;
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
  @ApiProperty({ type: Object, nullable: true, example: { replayed: false } })
  detail: Record<string, unknown> | null;

  static from(e: AuditEvent): AuditEventView {
    return { ...e, occurredAt: e.occurredAt.toISOString() };
  }
}

export class AuditEventPageView {
  @ApiProperty({ type: [AuditEventView], description: 'Newest first, then by event id' })
  items: AuditEventView[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class OutcomeCountView {
  @ApiProperty({ type: Number, nullable: true }) templateId: number | null;
  @ApiProperty({ example: 'GRANTED' }) outcome: string;
  @ApiProperty() count: number;

  static from(c: OutcomeCount): OutcomeCountView {
    return { templateId: c.templateId, outcome: c.outcome, count: c.count };
  }
}

export class AuditEventSummaryView {
  @ApiProperty({ format: 'date-time' }) from: string;
  @ApiProperty({ format: 'date-time' }) to: string;
  @ApiProperty({ type: [OutcomeCountView], description: 'By templateId, then outcome' })
  outcomes: OutcomeCountView[];
}
