/**
 * Claim-path benchmark against a RUNNING server (issue #9). Never point it at production: it logs
 * in as the bootstrap admin, creates and activates a template, and writes one real coupon row per
 * request. See test/bench/README.md for flags and how to read the output.
 *
 * Every request is a keyword claim from a distinct openid with a fresh MsgId, signed (and in safe
 * mode encrypted) exactly as WeChat does, built BEFORE each timed window. Per phase it reports
 * throughput, latency, errors, rows written = grants, and CPU per granted claim of the server,
 * MariaDB and Redis (from /proc) and of the load generator itself.
 */
import '../tools/env';
import { fork } from 'node:child_process';
import { Console } from 'node:console';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { codeIn } from '../support/replies';
import { WechatSimulator } from '../support/wechat-simulator';
import { AdminApi } from './admin-api';
import {
  closedLoop,
  LoadResult,
  LoadTarget,
  openLoop,
  percentile,
  PreparedRequest,
  RequestBank,
} from './load';
import { cpuSecondsBetween, pidsByName, pidsListeningOn, ProcessGroup } from './proc-stats';

const USAGE = `usage: npm run bench -- [options]
  --url URL              server (default http://127.0.0.1:$PORT)
  --connections N        closed loop connections (64)
  --duration S           closed loop seconds (15)
  --rate R               open loop requests/s (1000; 500 with --soak)
  --steady-duration S    open loop seconds (15)
  --skip-closed, --skip-open
  --server-pid P[,P]     server process(es) to measure (default: whoever listens on the URL's port)
  --soak                 only an open loop at --rate for --soak-minutes, sampling server RSS
  --soak-minutes M       (10)
  --bare                 also measure a bare node:http server (forked) in the same run
  --json                 human output to stderr; stdout = the one-line JSON summary only`;

const { values: args } = parseArgs({
  options: {
    url: { type: 'string', default: `http://127.0.0.1:${process.env.PORT ?? '3000'}` },
    connections: { type: 'string', default: '64' },
    duration: { type: 'string', default: '15' },
    rate: { type: 'string' },
    'steady-duration': { type: 'string', default: '15' },
    'skip-closed': { type: 'boolean', default: false },
    'skip-open': { type: 'boolean', default: false },
    'server-pid': { type: 'string' },
    soak: { type: 'boolean', default: false },
    'soak-minutes': { type: 'string', default: '10' },
    bare: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

const out = new Console({ stdout: args.json ? process.stderr : process.stdout });

const SAMPLE_EVERY = 100; // decrypt ~1% of replies
/** Untimed closed-loop warm-up before the first phase (JIT, pools) that also sizes the prebuild. */
const WARMUP_MS = 2000;
const WARMUP_PREBUILT = 4000;
const OPEN_LOOP_CONNECTIONS = 512;
const RSS_SAMPLE_MS = 10_000;
const SOAK_RSS_TOLERANCE = 0.15;

type Kind = 'closed' | 'open' | 'soak' | 'bare';

interface CpuPerClaim {
  /** ms of CPU per granted claim (per answered request for 'bare'); null = process not found */
  server: number | null;
  mariadb: number | null;
  redis: number | null;
  /** the bench process itself, per request sent */
  client: number;
  /** average cores the server used over the window */
  serverCores: number | null;
}

interface PhaseReport {
  phase: Kind;
  durationS: number;
  connections: number;
  rate?: number;
  sent: number;
  ok: number;
  non2xx: number;
  errors: number;
  /** 2xx answers per second of wall time (first send -> last answer) */
  rps: number;
  /** open loop: requests dispatched per second of schedule */
  sendRate?: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  lagMeanMs?: number;
  lagMaxMs?: number;
  maxInFlight: number;
  builtInWindow: number;
  sampled: number;
  sampledGrants: number;
  rows: number | null;
  check: 'MATCH' | 'MISMATCH' | 'n/a';
  cpu: CpuPerClaim;
  soak?: SoakReport;
}

interface SoakReport {
  /** [seconds since start, server RSS MB] every 10 s */
  rssSeries: [number, number][];
  referenceAtS: number;
  ratio: number;
  pass: boolean;
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

function r1(n: number): number {
  return Math.round(n * 10) / 10;
}

function r3(n: number | null): number | null {
  return n === null ? null : Math.round(n * 1000) / 1000;
}

function isLocalHost(host: string): boolean {
  return ['127.0.0.1', 'localhost', '::1', '[::1]', '0.0.0.0'].includes(host);
}

/** Processes behind host:port: the LISTEN socket's owner, else a process by name. */
function locate(label: string, hostPorts: URL[], names: string[]): ProcessGroup {
  const local = hostPorts.filter((u) => isLocalHost(u.hostname));
  const pids = new Set<number>();
  for (const u of local) for (const p of pidsListeningOn(Number(u.port))) pids.add(p);
  if (pids.size === 0) {
    for (const u of local) for (const p of pidsByName(names, `:${u.port}`)) pids.add(p);
  }
  if (pids.size === 0 && local.length > 0) for (const p of pidsByName(names)) pids.add(p);
  return new ProcessGroup(label, [...pids]);
}

function redisEndpoints(): URL[] {
  const nodes = process.env.REDIS_CLUSTER_NODES?.trim();
  if (nodes) return nodes.split(',').map((n) => new URL(`redis://${n.trim()}`));
  const u = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  if (!u.port) u.port = '6379';
  return [u];
}

function mysqlEndpoint(): URL {
  const u = new URL(process.env.DATABASE_URL ?? 'mysql://127.0.0.1:3306');
  if (!u.port) u.port = '3306';
  return u;
}

interface Groups {
  server: ProcessGroup;
  mariadb: ProcessGroup;
  redis: ProcessGroup;
}

interface Context {
  target: LoadTarget;
  sim: WechatSimulator;
  api: AdminApi;
  templateId: number;
  keyword: string;
  runId: string;
  groups: Groups;
}

function claimBank(ctx: Context, letter: string): RequestBank {
  // 28-char openids like WeChat's, unique per run, phase and request.
  return new RequestBank((seq) => {
    const openid = `oBench${ctx.runId}${letter}${seq.toString(36).padStart(15, '0')}`;
    const r = ctx.sim.text(openid, ctx.keyword);
    return { path: r.url, body: Buffer.from(r.body) };
  });
}

/** Rows may land after the reply if the server batches writes: wait until the count settles. */
async function settledRows(ctx: Context, before: number, expected: number): Promise<number> {
  let last = -1;
  for (let i = 0; i < 20; i++) {
    const rows = (await ctx.api.issuedCount(ctx.templateId)) - before;
    if (rows === expected || rows === last) return rows;
    last = rows;
    await sleep(500);
  }
  return last;
}

/** Runs one load phase between CPU readings of every process group and checks its rows. */
async function measure(
  kind: Kind,
  ctx: Context,
  meta: { durationS: number; connections: number; rate?: number; countRows: boolean },
  run: () => Promise<LoadResult>,
  groups: Groups = ctx.groups,
): Promise<PhaseReport> {
  const rowsBefore = meta.countRows ? await ctx.api.issuedCount(ctx.templateId) : 0;
  const before = {
    server: groups.server.cpuTicks(),
    mariadb: groups.mariadb.cpuTicks(),
    redis: groups.redis.cpuTicks(),
    client: process.cpuUsage(),
  };
  const res = await run();
  const cpuS = {
    server: cpuSecondsBetween(before.server, groups.server.cpuTicks()),
    mariadb: cpuSecondsBetween(before.mariadb, groups.mariadb.cpuTicks()),
    redis: cpuSecondsBetween(before.redis, groups.redis.cpuTicks()),
  };
  const client = process.cpuUsage(before.client);

  let grants = 0;
  const samples = kind === 'bare' ? [] : res.samples; // bare replies are not claims
  for (const body of samples) {
    const reply = await ctx.sim.readReply(body).catch(() => ({ Content: undefined }));
    if (codeIn(reply.Content ?? '') !== undefined) grants += 1;
  }
  const rows = meta.countRows ? await settledRows(ctx, rowsBefore, res.ok) : null;
  const per = (s: number, g: ProcessGroup): number | null =>
    g.found && res.ok > 0 ? (s * 1000) / res.ok : null;
  const lat = res.latencies;

  return {
    phase: kind,
    durationS: meta.durationS,
    connections: meta.connections,
    rate: meta.rate,
    sent: res.sent,
    ok: res.ok,
    non2xx: res.non2xx,
    errors: [...res.errors.values()].reduce((a, b) => a + b, 0),
    rps: Math.round(res.ok / (res.wallMs / 1000)),
    sendRate: res.dispatchMs ? Math.round(res.sent / (res.dispatchMs / 1000)) : undefined,
    p50: r1(percentile(lat, 50)),
    p95: r1(percentile(lat, 95)),
    p99: r1(percentile(lat, 99)),
    max: r1(lat.at(-1) ?? 0),
    lagMeanMs: res.lagMeanMs === undefined ? undefined : r1(res.lagMeanMs),
    lagMaxMs: res.lagMaxMs === undefined ? undefined : r1(res.lagMaxMs),
    maxInFlight: res.maxInFlight,
    builtInWindow: res.builtInWindow,
    sampled: samples.length,
    sampledGrants: grants,
    rows,
    check: rows === null ? 'n/a' : rows === res.ok ? 'MATCH' : 'MISMATCH',
    cpu: {
      server: r3(per(cpuS.server, groups.server)),
      mariadb: r3(per(cpuS.mariadb, groups.mariadb)),
      redis: r3(per(cpuS.redis, groups.redis)),
      client: r3((client.user + client.system) / 1000 / Math.max(1, res.sent)) as number,
      serverCores: groups.server.found ? r3(cpuS.server / (res.wallMs / 1000)) : null,
    },
  };
}

function errorLines(res: LoadResult): void {
  for (const [msg, n] of res.errors) out.log(`  request error ×${n}: ${msg}`);
  for (const [status, n] of res.statuses) {
    if (status < 200 || status >= 300) out.log(`  HTTP ${status} ×${n}`);
  }
}

function fmt(n: number | null): string {
  return n === null ? 'n/a' : n.toFixed(3);
}

function printPhase(r: PhaseReport): void {
  const rate =
    r.phase === 'open' || r.phase === 'soak'
      ? `target ${r.rate}/s, sent ${r.sendRate}/s, answered ${r.rps}/s`
      : `${r.rps} ${r.phase === 'bare' ? 'req' : 'claims'}/s`;
  out.log(
    `  ${r.sent} requests, ${rate}\n` +
      `  latency ms: p50 ${r.p50}  p95 ${r.p95}  p99 ${r.p99}  max ${r.max}` +
      (r.lagMaxMs === undefined
        ? ''
        : `  (from scheduled send; scheduler lag mean ${r.lagMeanMs} max ${r.lagMaxMs})`) +
      `\n  2xx ${r.ok}  non-2xx ${r.non2xx}  errors ${r.errors}  max in flight ${r.maxInFlight}` +
      `\n  CPU ms per ${r.phase === 'bare' ? 'request' : 'granted claim'}: server ${fmt(r.cpu.server)}` +
      ` (${r.cpu.serverCores ?? 'n/a'} cores)  MariaDB ${fmt(r.cpu.mariadb)}  Redis ${fmt(r.cpu.redis)}` +
      `  | bench client ${fmt(r.cpu.client)} per request`,
  );
  if (r.phase !== 'bare') {
    out.log(
      `  sample (1 in ${SAMPLE_EVERY} replies decrypted): ${r.sampledGrants}/${r.sampled} grants\n` +
        `  coupon rows written ${r.rows} = 2xx grants ${r.ok}? ${r.check}`,
    );
  }
  if (r.builtInWindow > 0) {
    out.log(
      `  ⚠ ${r.builtInWindow} requests were signed inside the window (prebuilt stock ran out)`,
    );
  }
  if (r.lagMaxMs !== undefined && r.lagMaxMs > 20) {
    out.log(`  ⚠ the generator fell up to ${r.lagMaxMs} ms behind schedule (client saturated?)`);
  }
  if (r.phase !== 'closed' && r.phase !== 'bare' && r.maxInFlight >= OPEN_LOOP_CONNECTIONS) {
    out.log(`  ⚠ all ${OPEN_LOOP_CONNECTIONS} connections busy: requests queued in the client`);
  }
}

/** Claims (real rows, outside any phase's count) to warm the server; returns its claims/s. */
async function warmUp(ctx: Context, connections: number): Promise<number> {
  const bank = claimBank(ctx, 'w');
  bank.fill(WARMUP_PREBUILT);
  const res = await closedLoop(ctx.target, bank, connections, WARMUP_MS);
  const rate = Math.round(res.ok / (res.wallMs / 1000));
  out.log(`\n▶ warm-up: ${WARMUP_MS / 1000} s closed loop, ${rate} claims/s (not counted)`);
  errorLines(res);
  return rate;
}

async function closedPhase(ctx: Context, connections: number, durationS: number, warmRate: number) {
  const bank = claimBank(ctx, 'c');
  out.log(`\n▶ closed loop: ${connections} connections, ${durationS} s`);
  const t = Date.now();
  // Twice the warm-up rate; a faster server gets the rest signed on the spot (and reported).
  bank.fill(Math.max(1000, Math.ceil(durationS * warmRate * 2)) + connections);
  out.log(`  ${bank.ready} requests prebuilt in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  let res: LoadResult | undefined;
  const report = await measure(
    'closed',
    ctx,
    { durationS, connections, countRows: true },
    async () => {
      res = await closedLoop(ctx.target, bank, connections, durationS * 1000);
      return res;
    },
  );
  if (res) errorLines(res);
  printPhase(report);
  return report;
}

async function openPhase(ctx: Context, kind: 'open' | 'soak', rate: number, durationS: number) {
  const bank = claimBank(ctx, kind === 'open' ? 'o' : 's');
  const groups = ctx.groups;
  out.log(
    `\n▶ ${kind === 'soak' ? 'soak (open loop)' : 'open loop'}: ${rate} req/s for ${durationS} s`,
  );
  // A soak's requests can't all be signed up front (timestamps expire): keep 30 s built ahead.
  const refillAheadSeconds = kind === 'soak' ? 30 : undefined;
  const t = Date.now();
  bank.fill(Math.min(rate * durationS, refillAheadSeconds ? rate * refillAheadSeconds : Infinity));
  out.log(`  ${bank.ready} requests prebuilt in ${((Date.now() - t) / 1000).toFixed(1)} s`);

  const rss: [number, number][] = [];
  let nextSample = 0;
  const sampleRss = (elapsedMs: number): void => {
    if (kind !== 'soak' || elapsedMs < nextSample) return;
    const mb = r1(groups.server.rssBytes() / 1024 / 1024);
    rss.push([Math.round(elapsedMs / 1000), mb]);
    out.log(`  t=${Math.round(elapsedMs / 1000)} s  server RSS ${mb} MB`);
    nextSample += RSS_SAMPLE_MS;
  };
  let res: LoadResult | undefined;
  const report = await measure(
    kind,
    ctx,
    { durationS, connections: OPEN_LOOP_CONNECTIONS, rate, countRows: true },
    async () => {
      res = await openLoop(ctx.target, bank, {
        rate,
        durationMs: durationS * 1000,
        connections: OPEN_LOOP_CONNECTIONS,
        refillAheadSeconds,
        onTick: sampleRss,
      });
      return res;
    },
  );
  if (res) errorLines(res);
  if (kind === 'soak') {
    sampleRss(durationS * 1000); // final reading after the last answer
    // RSS "after the first minute"; a run shorter than 2 min uses its midpoint instead.
    const refAt = durationS >= 120 ? 60 : Math.floor(durationS / 20) * 10;
    const ref = rss.find(([s]) => s >= refAt) ?? rss[0];
    const last = rss[rss.length - 1];
    const ratio = ref && last && ref[1] > 0 ? last[1] / ref[1] : NaN;
    report.soak = {
      rssSeries: rss,
      referenceAtS: ref?.[0] ?? 0,
      ratio: Math.round(ratio * 1000) / 1000,
      pass: Math.abs(ratio - 1) <= SOAK_RSS_TOLERANCE,
    };
  }
  printPhase(report);
  if (report.soak) {
    const s = report.soak;
    out.log(
      `  RSS series (s, MB): ${s.rssSeries.map(([t, mb]) => `${t}:${mb}`).join(' ')}\n` +
        `  final / RSS at ${s.referenceAtS} s = ${s.ratio} -> ${s.pass ? 'PASS' : 'FAIL'}` +
        ` (within ±${SOAK_RSS_TOLERANCE * 100} %)`,
    );
  }
  return report;
}

/** Forks bare-server.ts and runs the same closed loop at it: the per-request floor of Node. */
async function barePhase(ctx: Context, connections: number, durationS: number) {
  const child = fork(join(__dirname, 'bare-server.ts'), ['--port', '0'], {
    execArgv: ['-r', 'ts-node/register/transpile-only'],
    stdio: 'inherit',
  });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      child.once('message', (m: { port: number }) => resolve(m.port));
      child.once('exit', (code) => reject(new Error(`bare server exited (${code})`)));
    });
    const { pid } = child;
    if (pid === undefined) throw new Error('bare server has no pid');
    const sample = ctx.sim.text('oBenchBare0000000000000000000', ctx.keyword);
    const same: PreparedRequest = { path: sample.url, body: Buffer.from(sample.body) };
    const bank = RequestBank.constant(same);
    const none = new ProcessGroup('none', []);
    const target: LoadTarget = { ...ctx.target, origin: `http://127.0.0.1:${port}` };
    out.log(`\n▶ bare node:http (pid ${pid}): ${connections} connections, ${durationS} s`);
    await closedLoop(target, bank, connections, 1000); // warm-up: a fresh process is not JIT-compiled yet
    let res: LoadResult | undefined;
    const report = await measure(
      'bare',
      ctx,
      { durationS, connections, countRows: false },
      async () => {
        res = await closedLoop(target, bank, connections, durationS * 1000);
        return res;
      },
      { server: new ProcessGroup('bare', [pid]), mariadb: none, redis: none },
    );
    if (res) errorLines(res);
    printPhase(report);
    return report;
  } finally {
    if (child.connected) child.disconnect(); // the child stops when its IPC channel closes
    child.kill('SIGTERM');
  }
}

async function main(): Promise<void> {
  if (args.help) {
    console.log(USAGE);
    return;
  }
  const url = new URL(args.url);
  const connections = intArg('connections', args.connections, 1);
  const duration = intArg('duration', args.duration, 1);
  const rate = intArg('rate', args.rate ?? (args.soak ? '500' : '1000'), 1);
  const steadyDuration = intArg('steady-duration', args['steady-duration'], 1);
  const soakMinutes = intArg('soak-minutes', args['soak-minutes'], 1);
  // Requests are signed before the window: they must still be fresh when the window ends.
  const maxWindow = Number(process.env.WECHAT_TIMESTAMP_TOLERANCE_SECONDS ?? 300) - 60;
  for (const [name, s] of [
    ['duration', duration],
    ['steady-duration', steadyDuration],
  ] as const) {
    if (s > maxWindow) {
      throw new Error(
        `--${name} ${s} s is too long: requests signed up front expire (max ${maxWindow} s; use --soak)`,
      );
    }
  }

  out.warn(
    '⚠ claim-bench creates a template and writes real coupon rows. NEVER run it against production.',
  );
  const key = process.env.WECHAT_ENCODING_AES_KEY?.trim();
  const sim = new WechatSimulator({
    token: required('WECHAT_TOKEN'),
    appId: required('WECHAT_APP_ID'),
    encodingAesKey: key || undefined,
  });
  const origin = url.origin;
  const api = new AdminApi(
    origin,
    required('ADMIN_BOOTSTRAP_USERNAME'),
    required('ADMIN_BOOTSTRAP_PASSWORD'),
  );
  await api.login();
  const runId = Date.now().toString(36).slice(-6);
  const keyword = `bench-${runId}`;
  const templateId = await api.createActiveTemplate(keyword);

  const serverPids = args['server-pid']?.split(',').map((p) => intArg('server-pid', p.trim(), 1));
  if (!url.port) url.port = url.protocol === 'https:' ? '443' : '80';
  const groups: Groups = {
    server: serverPids ? new ProcessGroup('server', serverPids) : locate('server', [url], []),
    mariadb: locate('MariaDB', [mysqlEndpoint()], ['mariadbd', 'mysqld']),
    redis: locate('Redis', redisEndpoints(), ['redis-server']),
  };
  out.log(
    `target ${origin} (${key ? 'safe mode' : 'plain mode'}); template ${templateId}, keyword "${keyword}"`,
  );
  for (const g of [groups.server, groups.mariadb, groups.redis]) out.log(`  ${g.describe()}`);

  const ctx: Context = {
    target: { origin, headers: { 'content-type': 'text/xml' }, sampleEvery: SAMPLE_EVERY },
    sim,
    api,
    templateId,
    keyword,
    runId,
    groups,
  };
  const reports: PhaseReport[] = [];
  if (args.soak) {
    await warmUp(ctx, connections);
    reports.push(await openPhase(ctx, 'soak', rate, soakMinutes * 60));
  } else {
    const claims = !args['skip-closed'] || !args['skip-open'];
    const warmRate = claims ? await warmUp(ctx, connections) : 0;
    if (!args['skip-closed']) {
      reports.push(await closedPhase(ctx, connections, duration, warmRate));
    }
    if (!args['skip-open']) reports.push(await openPhase(ctx, 'open', rate, steadyDuration));
  }
  if (args.bare) reports.push(await barePhase(ctx, connections, args.soak ? 10 : duration));

  out.log('');
  out.table(
    reports.map((r) => ({
      phase: r.phase,
      'req/s': r.rps,
      p50: r.p50,
      p95: r.p95,
      p99: r.p99,
      max: r.max,
      'non2xx/err': `${r.non2xx}/${r.errors}`,
      'rows=2xx': r.check,
      'server ms': fmt(r.cpu.server),
      'MariaDB ms': fmt(r.cpu.mariadb),
      'Redis ms': fmt(r.cpu.redis),
      'client ms': fmt(r.cpu.client),
    })),
  );
  out.log(
    'CPU columns: ms per granted claim (bare: per request); client = the bench, per request sent',
  );

  const failures: string[] = [];
  for (const r of reports) {
    if (r.errors > 0 || r.non2xx > 0)
      failures.push(`${r.phase}: ${r.errors} errors, ${r.non2xx} non-2xx`);
    if (r.check === 'MISMATCH') failures.push(`${r.phase}: rows ${r.rows} != grants ${r.ok}`);
    if (r.sampledGrants < r.sampled)
      failures.push(`${r.phase}: ${r.sampled - r.sampledGrants} sampled replies are not grants`);
    if (r.soak && !r.soak.pass) failures.push(`soak: RSS ratio ${r.soak.ratio}`);
  }
  for (const f of failures) out.error(`✗ ${f}`);
  if (failures.length > 0) process.exitCode = 1;

  console.log(
    JSON.stringify({
      date: new Date().toISOString(),
      url: origin,
      mode: key ? 'aes' : 'plain',
      templateId,
      pids: {
        server: groups.server.roots,
        mariadb: groups.mariadb.roots,
        redis: groups.redis.roots,
      },
      phases: reports,
      ok: failures.length === 0,
    }),
  );
}

main().catch((err: unknown) => {
  out.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exitCode = 1;
});
