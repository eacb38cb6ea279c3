import type { AuditEventInput } from '@app/core';

/** Every optional field of the recorded input, present: null where the recorder left it out. */
type Stored<T> = { [K in keyof T]-?: Exclude<T[K], undefined> | null };

/**
 * One audit fact as stored by every sink: what the recorder was given (core's AuditEventInput,
 * the one definition of the fields), plus its identity (`eventId`, for idempotent writes), where
 * and when it happened.
 */
export interface AuditEvent
  extends
    Stored<Omit<AuditEventInput, 'kind' | 'outcome'>>,
    Pick<AuditEventInput, 'kind' | 'outcome'> {
  eventId: string;
  /** Which app instance saw the attempt (host:pid). */
  instance: string;
  occurredAt: Date;
}

type Wire = Omit<AuditEvent, 'occurredAt'> & { occurredAt: string };

/** A stream entry carries one event as one JSON field ... */
export const STREAM_FIELD = 'e';
/** ... or, as the recorder writes them, one flush of events as JSON lines: one XADD (and one
 * entry to read and ack) per flush instead of one per claim (issue #9). JSON has no raw newline. */
export const STREAM_BATCH_FIELD = 'b';

/** The events an entry carries, in order; an undecodable one is null (skipped and counted). */
export function entryEvents(fields: string[]): (AuditEvent | null)[] {
  for (let i = 0; i + 1 < fields.length; i += 2) {
    if (fields[i] === STREAM_BATCH_FIELD) return fields[i + 1].split('\n').map(decodeEvent);
    if (fields[i] === STREAM_FIELD) return [decodeEvent(fields[i + 1])];
  }
  return [null];
}

export function encodeEvent(event: AuditEvent): string {
  return JSON.stringify({ ...event, occurredAt: event.occurredAt.toISOString() });
}

/** null for anything that is not an event we wrote (such an entry is acked and skipped). */
export function decodeEvent(json: string): AuditEvent | null {
  try {
    const w = JSON.parse(json) as Partial<Wire>;
    if (typeof w.eventId !== 'string' || typeof w.outcome !== 'string' || !w.occurredAt) {
      return null;
    }
    const occurredAt = new Date(w.occurredAt);
    if (Number.isNaN(occurredAt.getTime())) return null;
    return {
      eventId: w.eventId,
      kind: w.kind ?? 'CLAIM',
      outcome: w.outcome,
      templateId: w.templateId ?? null,
      openid: w.openid ?? null,
      couponCode: w.couponCode ?? null,
      requestKey: w.requestKey ?? null,
      channel: w.channel ?? null,
      latencyMs: w.latencyMs ?? null,
      instance: w.instance ?? 'unknown',
      occurredAt,
      detail: w.detail ?? null,
    };
  } catch {
    return null;
  }
}
