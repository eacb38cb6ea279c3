import { AdminRole } from '@app/admin';
import { type AuditEvent, AuditEventSink } from '@app/audit';
import { adminToken } from './support/admin-client';
import { auditEvent } from './support/audit-events';
import { createTestApp, resetState, type TestApp } from './support/test-app';

const BASE = '/api/v1/admin/audit/claim-logs';
const T0 = Date.parse('2026-11-20T08:00:00.000Z');
const at = (minutes: number): Date => new Date(T0 + minutes * 60_000);
const iso = (minutes: number): string => at(minutes).toISOString();

interface Page {
  items: { eventId: string; occurredAt: string; outcome: string; openid: string }[];
  total: number;
  page: number;
  pageSize: number;
}

describe('admin: audit claim logs (e2e)', () => {
  let t: TestApp;
  let viewer: string;
  let marketer: string;
  let admin: string;
  let clerk: string;
  let events: AuditEvent[];

  beforeAll(async () => {
    t = await createTestApp({ MONGODB_URI: '', AUDIT_CONSUMER_ENABLED: 'false' });
    await resetState(t);
    await t.db.query('TRUNCATE TABLE audit_event');
    [viewer, marketer, admin, clerk] = await Promise.all(
      [AdminRole.VIEWER, AdminRole.MARKETER, AdminRole.ADMIN, AdminRole.CLERK].map((r) =>
        adminToken(t.app, r),
      ),
    );
    // 30 events: template 1 and 2, two followers, three outcomes, 10 distinct minutes (ties).
    const outcomes = ['GRANTED', 'SOLD_OUT', 'LIMIT_REACHED'];
    events = Array.from({ length: 30 }, (_, i) =>
      auditEvent({
        occurredAt: at(i % 10),
        templateId: (i % 2) + 1,
        openid: i < 15 ? 'o-first' : 'o-second',
        outcome: outcomes[i % 3],
      }),
    );
    await t.app.get(AuditEventSink).write(events);
  });
  afterAll(() => t.close());

  const get = (url: string, token?: string) =>
    t.app.inject({
      method: 'GET',
      url,
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
  const page = async (query: string, token = viewer): Promise<Page> => {
    const res = await get(`${BASE}?${query}`, token);
    expect(res.statusCode).toBe(200);
    return res.json<Page>();
  };
  const expected = (keep: (e: AuditEvent) => boolean): string[] =>
    events
      .filter(keep)
      .sort(
        (a, b) =>
          b.occurredAt.getTime() - a.occurredAt.getTime() || (a.eventId < b.eventId ? 1 : -1),
      )
      .map((e) => e.eventId);

  it('401 without a token; 403 for CLERK; VIEWER, MARKETER and ADMIN may read', async () => {
    expect((await get(BASE)).statusCode).toBe(401);
    expect((await get(`${BASE}/summary?from=${iso(0)}&to=${iso(10)}`)).statusCode).toBe(401);
    const forbidden = await get(BASE, clerk);
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json()).toMatchObject({ statusCode: 403, error: 'Forbidden' });
    for (const token of [viewer, marketer, admin])
      expect((await get(BASE, token)).statusCode).toBe(200);
  });

  it('lists newest first, ties by event id, 20 per page by default; pages never overlap', async () => {
    const first = await page('');
    expect(first).toMatchObject({ total: 30, page: 1, pageSize: 20 });
    const second = await page('page=2');
    expect(second.items).toHaveLength(10);
    expect([...first.items, ...second.items].map((i) => i.eventId)).toEqual(expected(() => true));
    const small = await Promise.all([1, 2, 3].map((p) => page(`page=${p}&pageSize=7`)));
    expect(small.flatMap((p) => p.items.map((i) => i.eventId))).toEqual(
      expected(() => true).slice(0, 21),
    );
  });

  it('filters by openid, templateId, outcome and the [from, to) time range', async () => {
    const byOpenid = await page('openid=o-second&pageSize=100');
    expect(byOpenid.items.map((i) => i.eventId)).toEqual(expected((e) => e.openid === 'o-second'));
    const combined = await page('templateId=2&outcome=GRANTED&pageSize=100');
    expect(combined.items.map((i) => i.eventId)).toEqual(
      expected((e) => e.templateId === 2 && e.outcome === 'GRANTED'),
    );
    const range = await page(`from=${iso(2)}&to=${iso(5)}&pageSize=100`);
    expect(range.items.map((i) => i.eventId)).toEqual(
      expected((e) => e.occurredAt >= at(2) && e.occurredAt < at(5)),
    );
    expect(range.total).toBe(9);
  });

  it('400 with field messages for bad filters', async () => {
    const cases: [string, string][] = [
      ['pageSize=101', 'pageSize'],
      ['page=0', 'page'],
      ['from=yesterday', 'from'],
      [`from=${iso(5)}&to=${iso(1)}`, 'to'],
      ['templateId=abc', 'templateId'],
      ['outcome=granted', 'outcome'],
      ['sort=asc', 'sort'],
    ];
    for (const [query, field] of cases) {
      const res = await get(`${BASE}?${query}`, viewer);
      expect(res.statusCode).toBe(400);
      const body = res.json<{ details: { field: string; errors: string[] }[] }>();
      expect(body.details.map((d) => d.field)).toContain(field);
    }
    const noRange = await get(`${BASE}/summary`, viewer);
    expect(noRange.statusCode).toBe(400);
    expect(noRange.json<{ details: { field: string }[] }>().details.map((d) => d.field)).toEqual(
      expect.arrayContaining(['from', 'to']),
    );
  });

  it('summarises outcomes per template in [from, to), optionally for one template', async () => {
    const res = await get(`${BASE}/summary?from=${iso(0)}&to=${iso(10)}`, marketer);
    expect(res.statusCode).toBe(200);
    const body = res.json<{ outcomes: { templateId: number; outcome: string; count: number }[] }>();
    expect(body.outcomes.reduce((n, o) => n + o.count, 0)).toBe(30);
    expect(body.outcomes).toContainEqual({ templateId: 1, outcome: 'GRANTED', count: 5 });
    const one = await get(`${BASE}/summary?from=${iso(0)}&to=${iso(1)}&templateId=2`, viewer);
    expect(one.json()).toEqual({
      from: iso(0),
      to: iso(1),
      outcomes: events
        .filter((e) => e.templateId === 2 && e.occurredAt < at(1))
        .map((e) => ({ templateId: 2, outcome: e.outcome, count: 1 }))
        .sort((a, b) => a.outcome.localeCompare(b.outcome)),
    });
  });

  it('documents both endpoints in OpenAPI under the audit tag', async () => {
    const doc = (await get('/docs-json')).json<{
      paths: Record<string, { get?: { tags: string[] } }>;
    }>();
    expect(doc.paths[BASE].get?.tags).toEqual(['audit']);
    expect(doc.paths[`${BASE}/summary`].get?.tags).toEqual(['audit']);
  });

  it('filters by kind (the table holds redemptions, undos and revocations too); 400 for an unknown kind', async () => {
    const later = [
      auditEvent({ kind: 'REDEEM', outcome: 'REDEEMED', occurredAt: at(100) }),
      auditEvent({ kind: 'REDEEM', outcome: 'REDEEMED', occurredAt: at(101) }),
      auditEvent({ kind: 'REDEEM_UNDO', outcome: 'UNDONE', occurredAt: at(102) }),
      auditEvent({ kind: 'REVOKE', outcome: 'REVOKED', occurredAt: at(103) }),
    ];
    await t.app.get(AuditEventSink).write(later);
    const redeems = await page('kind=REDEEM&pageSize=100');
    expect(redeems.items.map((i) => i.eventId)).toEqual([later[1].eventId, later[0].eventId]);
    expect((await page('kind=REVOKE')).items.map((i) => i.eventId)).toEqual([later[3].eventId]);
    const claims = await page('kind=CLAIM&pageSize=100');
    expect(claims.total).toBe(events.length);
    const bad = await get(`${BASE}?kind=CLAIMS`, viewer);
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('kind must be one of');
  });
});
