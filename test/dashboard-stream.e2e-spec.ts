import { AdminRole } from '@app/admin';
import { AUDIT_STREAM_KEY, entryEvents } from '@app/audit';
import { adminToken } from './support/admin-client';
import { openSse, type SseEvent } from './support/sse-client';
import { activeTemplate } from './support/templates';
import { createTestApp, resetState, type TestApp } from './support/test-app';
import { WechatSimulator } from './support/wechat-simulator';
import { wxClient } from './support/wx-client';
import { TEST_ENV } from './setup/test-env';

const wechat = new WechatSimulator({ token: TEST_ENV.WECHAT_TOKEN, appId: TEST_ENV.WECHAT_APP_ID });

interface Snapshot {
  lastEventId: string;
  minutes: { claims: Record<string, number>; redemptions: number }[];
  today: { granted: number; refused: number; redemptions: number };
  stock: { templateId: number; remaining: number; totalQuantity: number }[];
  top: { templateId: number; granted: number }[];
}

const claimsIn = (s: Snapshot, outcome: string) =>
  s.minutes.reduce((n, m) => n + (m.claims[outcome] ?? 0), 0);
/** Every claim that was not granted, whatever the refusal (limit reached, busy, throttled...). */
const refusedIn = (s: Snapshot) =>
  s.minutes.reduce(
    (n, m) => n + Object.entries(m.claims).reduce((k, [o, c]) => k + (o === 'GRANTED' ? 0 : c), 0),
    0,
  );
const snap = (e: SseEvent) => JSON.parse(e.data) as Snapshot;

/**
 * The live dashboard's push: two instances share one Redis and one MySQL, as behind a load
 * balancer. Each tails the audit stream once; the counters live in Redis, each entry counted once.
 */
describe('dashboard stream (SSE) across instances (e2e)', () => {
  let a: TestApp;
  let b: TestApp;
  let baseA: string;
  let baseB: string;
  let tokenA: string;
  let keyword: string;
  let templateId: number;
  let seq = 0;

  beforeAll(async () => {
    a = await createTestApp();
    await resetState(a);
    b = await createTestApp();
    await a.app.listen(0, '127.0.0.1');
    await b.app.listen(0, '127.0.0.1');
    baseA = await a.app.getUrl();
    baseB = await b.app.getUrl();
    tokenA = await adminToken(a.app, AdminRole.VIEWER);
    const t = await activeTemplate(a.app, { totalQuantity: 50, perUserLimit: 1 });
    templateId = t.id;
    keyword = t.keyword!;
  }, 60_000);

  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  async function ticket(app: TestApp, token = tokenA) {
    return app.app.inject({
      method: 'POST',
      url: '/api/v1/admin/dashboard/stream-ticket',
      headers: { authorization: `Bearer ${token}` },
    });
  }

  async function stream(app: TestApp, base: string, headers: Record<string, string> = {}) {
    const { ticket: tk } = (await ticket(app)).json<{ ticket: string }>();
    const s = await openSse(`${base}/api/v1/admin/dashboard/stream?ticket=${tk}`, headers);
    expect(s.status).toBe(200);
    return s;
  }

  async function claim(app: TestApp, openid = `o-dash-${process.pid}-${(seq += 1)}`) {
    return wxClient(app).send(wechat, wechat.text(openid, keyword));
  }

  async function snapshot(app: TestApp): Promise<Snapshot> {
    const res = await app.app.inject({
      method: 'GET',
      url: '/api/v1/admin/dashboard/snapshot',
      headers: { authorization: `Bearer ${tokenA}` },
    });
    expect(res.statusCode).toBe(200);
    return res.json<Snapshot>();
  }

  it('a ticket is single use, short-lived, and only for dashboard roles', async () => {
    const res = await ticket(a);
    expect(res.statusCode).toBe(200);
    const body = res.json<{ ticket: string; expiresInSeconds: number; streamUrl: string }>();
    expect(body.expiresInSeconds).toBe(30);
    expect(body.streamUrl).toBe(`/api/v1/admin/dashboard/stream?ticket=${body.ticket}`);
    const ttl = await a.redis.ttl(`dash:{dash}:ticket:${body.ticket}`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(30);

    const first = await openSse(`${baseA}${body.streamUrl}`);
    expect(first.status).toBe(200);
    const e = await first.next((x) => x.event === 'snapshot');
    expect(e.id).toBe(snap(e).lastEventId);
    first.close();

    // The same ticket again, on either instance: refused.
    for (const base of [baseA, baseB]) {
      const again = await fetch(`${base}${body.streamUrl}`);
      expect(again.status).toBe(401);
      expect(((await again.json()) as { message: string }).message).toContain('ticket');
    }
    expect((await fetch(`${baseA}/api/v1/admin/dashboard/stream`)).status).toBe(400);
    expect((await fetch(`${baseA}/api/v1/admin/dashboard/stream?ticket=bad!`)).status).toBe(400);
    expect(
      (await a.app.inject({ method: 'POST', url: '/api/v1/admin/dashboard/stream-ticket' }))
        .statusCode,
    ).toBe(401);
    const clerk = await adminToken(a.app, AdminRole.CLERK);
    expect((await ticket(a, clerk)).statusCode).toBe(403);
  });

  it('moves within 2 s of a claim made on the other instance', async () => {
    const s = await stream(a, baseA);
    const before = claimsIn(snap(await s.next()), 'GRANTED');
    const started = Date.now();
    expect(await claim(b)).toContain('券码');
    const moved = await s.next((e) => claimsIn(snap(e), 'GRANTED') === before + 1, 2000);
    const elapsed = Date.now() - started;
    expect(elapsed).toBeLessThan(2000);
    const stock = snap(moved).stock.find((x) => x.templateId === templateId);
    expect(stock).toMatchObject({ totalQuantity: 50, remaining: 50 - (before + 1) });
    s.close();
  });

  it('one snapshot per change per instance, shared by every open browser', async () => {
    const streams = await Promise.all([1, 2, 3].map(() => stream(a, baseA)));
    const before = await Promise.all(streams.map((s) => s.next()));
    const granted = claimsIn(snap(before[0]), 'GRANTED');
    await claim(b);
    const after = await Promise.all(
      streams.map((s) => s.next((e) => claimsIn(snap(e), 'GRANTED') === granted + 1, 3000)),
    );
    // The same build (same generatedAt) reached all three: aggregated once, not per browser.
    const built = after.map((e) => (JSON.parse(e.data) as { generatedAt: string }).generatedAt);
    expect(new Set(built).size).toBe(1);
    for (const s of streams) s.close();
  });

  it('two instances agree: every claim counted once, granted and refused by outcome', async () => {
    const before = await snapshot(a);
    const openids = [1, 2, 3, 4, 5].map((i) => `o-agree-${process.pid}-${i}`);
    for (const o of openids) await claim(a, o);
    for (const o of openids.slice(0, 2)) await claim(b, o); // perUserLimit 1: refused
    const expectGranted = claimsIn(before, 'GRANTED') + 5;
    // Refused on b: normally LIMIT_REACHED, but a loaded box may answer one as busy instead
    // (the row of a's grant still in flight): what this test proves is that both refusals are
    // counted once and that both instances agree.
    const expectRefused = refusedIn(before) + 2;
    const deadline = Date.now() + 15_000;
    let sa = await snapshot(a);
    let sb = await snapshot(b);
    while (
      Date.now() < deadline &&
      (claimsIn(sa, 'GRANTED') < expectGranted ||
        refusedIn(sb) < expectRefused ||
        sa.lastEventId !== sb.lastEventId)
    ) {
      await new Promise((r) => setTimeout(r, 100));
      [sa, sb] = [await snapshot(a), await snapshot(b)];
    }
    for (const s of [sa, sb]) {
      expect(claimsIn(s, 'GRANTED')).toBe(expectGranted);
      expect(refusedIn(s)).toBe(expectRefused);
      expect(s.today.granted).toBe(expectGranted);
      expect(s.top[0]).toEqual(expect.objectContaining({ templateId, granted: expectGranted }));
    }
    expect(sa.minutes).toEqual(sb.minutes);
  });

  it('a snapshot holds exactly the entries up to its lastEventId, read while claims flow', async () => {
    // The stream is the truth: each snapshot's counts must be what the entries up to the id it
    // names add up to, never fewer (counts read before the cursor) nor more.
    const truthUpTo = async (id: string) => {
      const truth: Record<string, number> = {};
      for (const [, fields] of await a.redis.xrange(AUDIT_STREAM_KEY, '-', id)) {
        for (const e of entryEvents(fields)) {
          if (e?.kind === 'CLAIM') truth[e.outcome] = (truth[e.outcome] ?? 0) + 1;
        }
      }
      return truth;
    };
    const flat = (s: Snapshot) => {
      const out: Record<string, number> = {};
      for (const m of s.minutes)
        for (const [o, n] of Object.entries(m.claims)) out[o] = (out[o] ?? 0) + n;
      return out;
    };
    let flowing = true;
    const seen: Snapshot[] = [];
    const watch = (async () => {
      while (flowing) seen.push(await snapshot(a), await snapshot(b));
    })();
    const openid = `o-flow-${process.pid}`;
    for (let i = 0; i < 24; i += 1) await claim(i % 2 ? a : b, i % 3 ? undefined : openid);
    flowing = false;
    await watch;
    expect(seen.length).toBeGreaterThanOrEqual(6);
    for (const s of seen) expect(flat(s)).toEqual(await truthUpTo(s.lastEventId));
  });

  it('a reconnect (new ticket, Last-Event-ID) starts with a fresh snapshot that catches up', async () => {
    const s1 = await stream(b, baseB);
    const seen = await s1.next();
    s1.close();
    const granted = claimsIn(snap(seen), 'GRANTED');
    await claim(a);
    await claim(a);
    await new Promise((r) => setTimeout(r, 300)); // the audit flush and the tail
    const s2 = await stream(b, baseB, { 'last-event-id': seen.id! });
    const first = await s2.next();
    expect(first.event).toBe('snapshot');
    expect(claimsIn(snap(first), 'GRANTED')).toBe(granted + 2);
    expect(compareIds(first.id!, seen.id!)).toBe(1);
    s2.close();
  });

  it('hourly figures for a chosen China day, and a clear 400 for a bad date', async () => {
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const res = await a.app.inject({
      method: 'GET',
      url: `/api/v1/admin/dashboard/hourly?date=${today}`,
      headers: { authorization: `Bearer ${tokenA}` },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json<{ date: string; hours: { at: string; granted: number }[] }>();
    expect(body.hours).toHaveLength(24);
    expect(body.hours[0].at).toBe(new Date(`${today}T00:00:00+08:00`).toISOString());
    expect(body.hours.reduce((n, h) => n + h.granted, 0)).toBe((await snapshot(a)).today.granted);
    for (const date of ['2026-13-01', '2026-02-31', 'today']) {
      const bad = await a.app.inject({
        method: 'GET',
        url: `/api/v1/admin/dashboard/hourly?date=${date}`,
        headers: { authorization: `Bearer ${tokenA}` },
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toMatchObject({ details: [{ field: 'date' }] });
    }
  });
});

function compareIds(x: string, y: string): number {
  const [xm, xs] = x.split('-').map(Number);
  const [ym, ys] = y.split('-').map(Number);
  return Math.sign(xm - ym || xs - ys);
}
