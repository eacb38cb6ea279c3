import { type AuditEvent, INSTANCE_ID, newEventId } from '@app/audit';

/** A stored-shape audit event with sensible defaults (ids are time-ordered like the real ones). */
export function auditEvent(overrides: Partial<AuditEvent> = {}): AuditEvent {
  const occurredAt = overrides.occurredAt ?? new Date();
  return {
    eventId: newEventId(occurredAt.getTime()),
    kind: 'CLAIM',
    outcome: 'GRANTED',
    templateId: 1,
    openid: 'o-audit',
    couponCode: 'ABCDEFGHJKMNPQRS',
    requestKey: `m:${Math.random().toString().slice(2, 12)}`,
    channel: 'KEYWORD',
    latencyMs: 12,
    instance: INSTANCE_ID,
    detail: { replayed: false },
    ...overrides,
    occurredAt,
  };
}

/** Polls until `check` passes (returns truthy) or the time is up; returns the last value. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T>,
  timeoutMs = 15_000,
  everyMs = 50,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
