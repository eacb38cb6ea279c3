import { decodeEvent, encodeEvent, type AuditEvent } from './audit-event';
import { newEventId } from './event-id';

describe('audit event encoding', () => {
  const event: AuditEvent = {
    eventId: newEventId(),
    kind: 'CLAIM',
    outcome: 'GRANTED',
    templateId: 7,
    openid: 'o-1',
    couponCode: 'ABCDEFGHJKMNPQRS',
    requestKey: 'm:1',
    channel: 'MENU',
    latencyMs: 3,
    instance: 'host:1',
    occurredAt: new Date('2026-11-20T08:00:00.123Z'),
    detail: { replayed: true },
  };

  it('round-trips through the stream field unchanged', () => {
    expect(decodeEvent(encodeEvent(event))).toEqual(event);
  });

  it('rejects entries that are not our events', () => {
    expect(decodeEvent('not json')).toBeNull();
    expect(decodeEvent('{"outcome":"GRANTED"}')).toBeNull();
    expect(decodeEvent(JSON.stringify({ ...event, occurredAt: 'never' }))).toBeNull();
  });
});

describe('newEventId', () => {
  it('is a UUIDv7 whose order follows time', () => {
    const a = newEventId(1_700_000_000_000);
    const b = newEventId(1_700_000_000_001);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a < b).toBe(true);
    expect(new Set(Array.from({ length: 1000 }, () => newEventId())).size).toBe(1000);
  });
});
