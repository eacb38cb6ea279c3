import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { parseDatabaseUrl } from '@app/core';
import { TEST_ENV } from './setup/test-env';
import { PRODUCTION_ENV } from './support/production-env';

/**
 * The service as an operator runs it: main.ts with WEB_CONCURRENCY=2 (a cluster primary and two
 * workers), settings from the environment only. Checks what they read and scrape: one JSON log
 * stream (the primary too), no boot inventory at info, failed logins as warnings, request lines
 * with the client IP, a shutdown line, and /metrics summed over the workers.
 */
const ROOT = join(__dirname, '..');
const PORT = 3900 + (process.pid % 90);
const base = `http://127.0.0.1:${PORT}`;

interface LogLine {
  level: number;
  msg: string;
  context?: string;
  name?: string;
  req?: { path: string };
  ip?: string;
}

describe('cluster mode: logs and metrics an operator relies on (e2e)', () => {
  let proc: ChildProcess;
  let out = '';
  const p = parseDatabaseUrl(TEST_ENV.DATABASE_URL);
  const database = `${p.database}_cluster`;
  const lines = (): LogLine[] =>
    out
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as LogLine);

  beforeAll(async () => {
    proc = spawn(
      process.execPath,
      ['-r', 'ts-node/register', '-r', 'tsconfig-paths/register', 'apps/coupon-server/src/main.ts'],
      {
        cwd: ROOT,
        env: {
          PATH: process.env.PATH,
          TS_NODE_SWC: 'true',
          TS_NODE_TRANSPILE_ONLY: 'true',
          ...TEST_ENV,
          ...PRODUCTION_ENV,
          DATABASE_URL: TEST_ENV.DATABASE_URL.replace(/\/[^/?]+(\?|$)/, `/${database}$1`),
          DB_MIGRATIONS_RUN: 'true',
          WEB_CONCURRENCY: '2',
          PORT: String(PORT),
          HOST: '127.0.0.1',
          LOG_LEVEL: 'info',
          SWAGGER_ENABLED: 'false',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    const deadline = Date.now() + 150_000;
    for (;;) {
      const ok = await fetch(`${base}/health/ready`).then(
        (r) => r.ok,
        () => false,
      );
      const started = lines().filter((l) => l.msg?.startsWith('wx-coupon listening')).length;
      if (ok && started === 2) break;
      if (Date.now() > deadline || proc.exitCode !== null) throw new Error(`no boot:\n${out}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }, 180_000);

  afterAll(async () => {
    if (proc.exitCode === null) proc.kill('SIGKILL');
    const conn = await createConnection({
      host: p.host,
      port: p.port,
      user: p.username,
      password: p.password,
    });
    await conn.query(`DROP DATABASE IF EXISTS \`${database}\``);
    await conn.end();
  });

  it('answers /metrics with the sum over both workers, the same on every scrape', async () => {
    const N = 12;
    for (let i = 0; i < N; i++) {
      // New connections, so the cluster spreads them over both workers.
      await fetch(`${base}/api/v1/admin/auth/me`, { headers: { connection: 'close' } });
    }
    const count =
      /http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/admin\/auth\/me",status_code="401"\} (\d+)/;
    for (let i = 0; i < 4; i++) {
      const text = await (
        await fetch(`${base}/metrics`, { headers: { connection: 'close' } })
      ).text();
      expect(text.match(count)?.[1]).toBe(String(N));
      expect(text).toContain('wxcoupon_audit_stream_lag');
    }
  });

  it('writes one JSON stream: primary included, no boot inventory at info, IPs and warnings', async () => {
    const login = await fetch(`${base}/api/v1/admin/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'wrong-password-123' }),
    });
    expect(login.status).toBe(401);
    await new Promise((r) => setTimeout(r, 300));
    expect(out).not.toContain('\u001b['); // no ANSI colour codes
    const all = lines(); // throws if any line is not JSON
    expect(all.some((l) => l.name === 'ClusterPrimary' && l.msg === 'started 2 workers')).toBe(
      true,
    );
    const inventory = ['InstanceLoader', 'RoutesResolver', 'RouterExplorer'];
    expect(all.filter((l) => inventory.includes(l.context ?? '') && l.level >= 30)).toEqual([]);
    expect(
      all.some((l) => l.level === 40 && l.msg === 'failed admin login for "admin" from 127.0.0.1'),
    ).toBe(true);
    const requestLine = all.find(
      (l) => l.req?.path === '/api/v1/admin/auth/login' && l.msg === 'request completed',
    );
    expect(requestLine?.ip).toBe('127.0.0.1');
  });

  it('logs the shutdown of every worker and of the primary on SIGTERM', async () => {
    const exited = new Promise((r) => proc.once('exit', r));
    proc.kill('SIGTERM');
    await exited;
    const msgs = lines().map((l) => l.msg);
    expect(msgs).toContain('SIGTERM received: stopping 2 workers');
    expect(msgs.filter((m) => m.startsWith('shutting down (SIGTERM)'))).toHaveLength(2);
    expect(msgs.filter((m) => m === 'shutdown complete (SIGTERM)')).toHaveLength(2);
    expect(msgs).toContain('all workers stopped; primary exiting');
  }, 60_000);
});
