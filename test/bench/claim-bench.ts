/**
 * Claim-path load test against a RUNNING server. Never point it at production: it logs in as the
 * bootstrap admin, creates and activates a template, and writes one real coupon row per request.
 *
 *   npm run bench -- [--url http://127.0.0.1:3000] [--connections 64] [--duration 15]
 *                    [--rate 1000] [--steady-duration 15] [--skip-steady]
 *
 * Phase "max": as fast as possible with --connections connections for --duration seconds.
 * Phase "steady": --rate requests/s in total (autocannon overallRate) for --steady-duration s.
 * Every request is a keyword claim from a distinct openid with a fresh MsgId, signed (and in safe
 * mode encrypted) exactly as WeChat does, so every 200 must be a grant with a row in MySQL.
 * Settings come from .env (or .env.example when there is no .env), like the server's.
 */
import '../tools/env';
import { createRequire } from 'node:module';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { WechatSimulator } from '../support/wechat-simulator';

// ---- the slice of autocannon's programmatic API used here (the package ships no types) ----

interface AcRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  setupRequest?: (req: AcRequest, context: Record<string, unknown>) => AcRequest;
  onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
}

interface AcOptions {
  url: string;
  connections: number;
  duration: number;
  overallRate?: number;
  timeout?: number;
  requests: AcRequest[];
}

interface AcResult {
  requests: { total: number; average: number; sent: number };
  latency: { p50: number; p99: number; max: number; average: number };
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
  statusCodeStats: Record<string, { count: number }>;
}

interface AcInstance {
  on(
    event: 'response',
    fn: (client: unknown, status: number, bytes: number, ms: number) => void,
  ): void;
  on(event: 'reqError', fn: (err: Error) => void): void;
  stop(): void;
}

type Autocannon = (
  opts: AcOptions,
  cb: (err: Error | null, result: AcResult) => void,
) => AcInstance;

const autocannon = createRequire(__filename)('autocannon') as Autocannon;

// ---- settings ----

const { values: args } = parseArgs({
  options: {
    url: { type: 'string', default: `http://127.0.0.1:${process.env.PORT ?? '3000'}` },
    connections: { type: 'string', default: '64' },
    duration: { type: 'string', default: '15' },
    rate: { type: 'string', default: '1000' },
    'steady-duration': { type: 'string', default: '15' },
    'skip-steady': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

const SAMPLE_EVERY = 100; // decrypt ~1% of replies
const GRANT_RE = /券码：[0-9A-Z]{16}/;

interface PhaseReport {
  phase: string;
  requests: number;
  sent: number;
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  ok200: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  sampled: number;
  sampledGrants: number;
  sampledOther: number;
  issuedDelta: number;
  unanswered: number;
  check: 'MATCH' | 'BOUNDED' | 'MISMATCH';
}

function intArg(name: string, raw: string, min: number): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer >= ${min}`);
  return n;
}

function required(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set (.env or environment)`);
  return v;
}

// ---- admin API ----

class AdminApi {
  private token = '';

  constructor(private readonly base: string) {}

  async login(username: string, password: string): Promise<void> {
    const res = await this.call<{ accessToken: string }>('POST', '/auth/login', {
      username,
      password,
    });
    this.token = res.accessToken;
  }

  async createActiveTemplate(keyword: string): Promise<number> {
    const now = Date.now();
    const created = await this.call<{ id: number }>('POST', '/coupon-templates', {
      name: `压测券 ${keyword}`,
      discountType: 'AMOUNT',
      amountCents: 1000,
      totalQuantity: 10_000_000,
      perUserLimit: 1,
      claimStartsAt: new Date(now - 60_000).toISOString(),
      claimEndsAt: new Date(now + 24 * 3_600_000).toISOString(),
      validityType: 'RELATIVE',
      validDays: 7,
      keyword,
    });
    await this.call('POST', `/coupon-templates/${created.id}/activate`);
    return created.id;
  }

  async issuedCount(id: number): Promise<number> {
    const t = await this.call<{ issuedCount?: number }>('GET', `/coupon-templates/${id}`);
    if (typeof t.issuedCount !== 'number') throw new Error('template view has no issuedCount');
    return t.issuedCount;
  }

  private async call<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (this.token) headers.Authorization = `Bearer ${this.token}`;
    const res = await fetch(`${this.base}/api/v1/admin${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} -> HTTP ${res.status}: ${text.slice(0, 300)}`);
    return (text ? JSON.parse(text) : {}) as T;
  }
}

// ---- one autocannon phase ----

interface PhaseSpec {
  name: string;
  connections: number;
  duration: number;
  overallRate?: number;
}

async function runPhase(
  spec: PhaseSpec,
  ctx: {
    url: string;
    sim: WechatSimulator;
    keyword: string;
    runId: string;
    api: AdminApi;
    templateId: number;
  },
): Promise<PhaseReport> {
  const issuedBefore = await ctx.api.issuedCount(ctx.templateId);
  const latencies: number[] = [];
  const samples: Promise<'grant' | 'other'>[] = [];
  let built = 0;
  let bodies = 0;
  let responses = 0;
  let ok200 = 0;
  const reqErrors = new Map<string, number>();

  const claim: AcRequest = {
    method: 'POST',
    headers: { 'Content-Type': 'text/xml' },
    // A fresh follower (openid) and MsgId per request, signed at send time.
    setupRequest: (req) => {
      built += 1;
      const openid = `oBench${ctx.runId}${spec.name[0]}${built.toString(36).padStart(15, '0')}`;
      const r = ctx.sim.text(openid, ctx.keyword);
      return { ...req, path: r.url, body: r.body };
    },
    onResponse: (status, body) => {
      bodies += 1;
      if (status !== 200 || bodies % SAMPLE_EVERY !== 0) return;
      samples.push(
        ctx.sim.readReply(body).then(
          (reply) => (GRANT_RE.test(reply.Content ?? '') ? 'grant' : 'other'),
          () => 'other',
        ),
      );
    },
  };

  console.log(
    `\n▶ phase ${spec.name}: ${spec.connections} connections, ${spec.duration} s` +
      (spec.overallRate ? `, ${spec.overallRate} req/s overall` : ', unthrottled'),
  );
  const result = await new Promise<AcResult>((resolve, reject) => {
    const instance = autocannon(
      {
        url: ctx.url,
        connections: spec.connections,
        duration: spec.duration,
        ...(spec.overallRate ? { overallRate: spec.overallRate } : {}),
        timeout: 10,
        requests: [claim],
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    instance.on('response', (_client, status, _bytes, ms) => {
      responses += 1;
      if (status === 200) ok200 += 1;
      latencies.push(ms);
    });
    instance.on('reqError', (err) => {
      const key = err.message || err.name;
      reqErrors.set(key, (reqErrors.get(key) ?? 0) + 1);
    });
  });

  const verdicts = await Promise.all(samples);
  // Requests abandoned when the run stopped (or timed out) may still be committed server-side.
  await sleep(1500);
  const issuedDelta = (await ctx.api.issuedCount(ctx.templateId)) - issuedBefore;
  // Sent but never answered (still in flight when autocannon stopped, or timed out): the server
  // still commits those, so rows = 200s + unanswered exactly unless a write never reached it.
  const unanswered = Math.max(0, built - responses);
  const check: PhaseReport['check'] =
    issuedDelta === ok200 + unanswered
      ? 'MATCH'
      : issuedDelta >= ok200 && issuedDelta < ok200 + unanswered && result.errors > 0
        ? 'BOUNDED'
        : 'MISMATCH';

  latencies.sort((a, b) => a - b);
  const grants = verdicts.filter((v) => v === 'grant').length;
  for (const [msg, n] of reqErrors) console.log(`  request error ×${n}: ${msg}`);

  return {
    phase: spec.name,
    requests: responses,
    sent: built,
    throughput: round(responses / (result.duration || spec.duration), 0),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: round(latencies.at(-1) ?? 0, 1),
    ok200,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    sampled: verdicts.length,
    sampledGrants: grants,
    sampledOther: verdicts.length - grants,
    issuedDelta,
    unanswered,
    check,
  };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const idx = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return round(sorted[Math.max(0, idx)], 1);
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

function printPhase(r: PhaseReport): void {
  console.log(
    `  requests ${r.requests} (sent ${r.sent}), ${r.throughput} req/s\n` +
      `  latency ms: p50 ${r.p50}  p95 ${r.p95}  p99 ${r.p99}  max ${r.max}\n` +
      `  200: ${r.ok200}  non-2xx: ${r.non2xx}  errors: ${r.errors}  timeouts: ${r.timeouts}\n` +
      `  sample (1 in ${SAMPLE_EVERY} replies decrypted): ${r.sampled}, grants ${r.sampledGrants}, other ${r.sampledOther}\n` +
      `  coupon rows written: ${r.issuedDelta} = 200 responses ${r.ok200}` +
      ` + unanswered in flight at stop ${r.unanswered}? ${r.check}`,
  );
}

// ---- main ----

async function main(): Promise<void> {
  if (args.help) {
    console.log(
      'usage: npm run bench -- [--url URL] [--connections 64] [--duration 15] [--rate 1000]' +
        ' [--steady-duration 15] [--skip-steady]',
    );
    return;
  }
  const url = args.url.replace(/\/+$/, '');
  const connections = intArg('connections', args.connections, 1);
  const duration = intArg('duration', args.duration, 1);
  const rate = intArg('rate', args.rate, 1);
  const steadyDuration = intArg('steady-duration', args['steady-duration'], 1);

  console.warn(
    '⚠ claim-bench creates a template and writes real coupon rows. NEVER run it against production.',
  );
  const key = process.env.WECHAT_ENCODING_AES_KEY?.trim();
  const sim = new WechatSimulator({
    token: required('WECHAT_TOKEN'),
    appId: required('WECHAT_APP_ID'),
    encodingAesKey: key || undefined,
  });

  const api = new AdminApi(url);
  await api.login(required('ADMIN_BOOTSTRAP_USERNAME'), required('ADMIN_BOOTSTRAP_PASSWORD'));
  const runId = Date.now().toString(36).slice(-6);
  const keyword = `bench-${runId}`;
  const templateId = await api.createActiveTemplate(keyword);
  console.log(
    `target ${url} (${key ? 'safe mode' : 'plain mode'}); template ${templateId}, keyword "${keyword}"`,
  );

  const ctx = { url, sim, keyword, runId, api, templateId };
  const reports: PhaseReport[] = [];
  reports.push(await runPhase({ name: 'max', connections, duration }, ctx));
  printPhase(reports[0]);
  if (!args['skip-steady']) {
    const steady = { name: 'steady', connections, duration: steadyDuration, overallRate: rate };
    reports.push(await runPhase(steady, ctx));
    printPhase(reports[1]);
  }

  const issued = await api.issuedCount(templateId);
  const total200 = reports.reduce((s, r) => s + r.ok200, 0);
  const inFlight = reports.reduce((s, r) => s + r.unanswered, 0);
  const verdict = issued === total200 + inFlight ? 'MATCH' : 'MISMATCH';
  console.log(
    `\ntemplate ${templateId}: issuedCount ${issued} vs 200 responses ${total200}` +
      ` + ${inFlight} unanswered at stop -> ${verdict}`,
  );
  console.table(
    reports.map((r) => ({
      phase: r.phase,
      requests: r.requests,
      'req/s': r.throughput,
      p50: r.p50,
      p95: r.p95,
      p99: r.p99,
      max: r.max,
      non2xx: r.non2xx,
      'err/timeout': `${r.errors}/${r.timeouts}`,
      'sample grants': `${r.sampledGrants}/${r.sampled}`,
      rows: r.issuedDelta,
      check: r.check,
    })),
  );
  console.log(
    JSON.stringify({
      date: new Date().toISOString(),
      mode: key ? 'aes' : 'plain',
      connections,
      phases: reports.map((r) => ({
        phase: r.phase,
        reqs: r.requests,
        rps: r.throughput,
        p50: r.p50,
        p95: r.p95,
        p99: r.p99,
        max: r.max,
        non2xx: r.non2xx,
        errors: r.errors,
        timeouts: r.timeouts,
        ok200: r.ok200,
        unanswered: r.unanswered,
        rows: r.issuedDelta,
      })),
      issuedCount: issued,
    }),
  );
  const bad = reports.some((r) => r.check === 'MISMATCH' || r.sampledOther > 0 || r.non2xx > 0);
  if (bad) {
    console.error('✗ correctness check failed (see above)');
    process.exitCode = 1;
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exitCode = 1;
});
