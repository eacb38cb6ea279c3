import type { AuditEvent } from '../audit-event';

/** Admin query filter; `from` inclusive, `to` exclusive. */
export interface ClaimLogFilter {
  openid?: string;
  templateId?: number;
  outcome?: string;
  from?: Date;
  to?: Date;
}

export interface PageRequest {
  /** 1-based. */
  page: number;
  pageSize: number;
}

export interface ClaimLogPage {
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
 * Port of the claim log store. write() must be idempotent by eventId: a batch may be delivered
 * again after a crash between write and XACK, and must never produce a second entry.
 */
export abstract class ClaimLogSink {
  abstract readonly name: 'mongodb' | 'mysql';
  abstract write(batch: readonly AuditEvent[]): Promise<void>;
  abstract query(filter: ClaimLogFilter, page: PageRequest): Promise<ClaimLogPage>;
  /** Counts per (templateId, outcome), ordered by templateId then outcome. */
  abstract summary(range: SummaryRange): Promise<OutcomeCount[]>;
}
