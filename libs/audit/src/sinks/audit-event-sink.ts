import type { AuditKind } from '@app/core';
import type { AuditEvent } from '../audit-event';

/** Admin query filter; `from` inclusive, `to` exclusive. */
export interface AuditEventFilter {
  openid?: string;
  templateId?: number;
  outcome?: string;
  kind?: AuditKind;
  from?: Date;
  to?: Date;
}

export interface PageRequest {
  /** 1-based. */
  page: number;
  pageSize: number;
}

export interface AuditEventPage {
  /** Newest first; ties broken by event id, descending, so pages never overlap. */
  items: AuditEvent[];
  total: number;
}

export interface SummaryRange {
  from: Date;
  to: Date;
  templateId?: number;
}

export interface OutcomeCount {
  templateId: number | null;
  outcome: string;
  count: number;
}

/**
 * Port of the audit event store (claim attempts, redemptions, undos, revocations). write() must be idempotent by eventId: a batch may be delivered
 * again after a crash between write and XACK, and must never produce a second entry.
 */
export abstract class AuditEventSink {
  abstract readonly name: 'mongodb' | 'mysql';
  abstract write(batch: readonly AuditEvent[]): Promise<void>;
  abstract query(filter: AuditEventFilter, page: PageRequest): Promise<AuditEventPage>;
  /** Counts per (templateId, outcome), ordered by templateId then outcome. */
  abstract summary(range: SummaryRange): Promise<OutcomeCount[]>;
}
