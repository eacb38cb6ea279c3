import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { TEST_ENV } from './setup/test-env';

/**
 * main.ts as an operator starts it, with a bad setting: it stops before anything connects, exit
 * code 1, and says which settings are wrong in plain words (no stack trace to dig through).
 */
const ROOT = join(__dirname, '..');

function boot(env: Record<string, string>): { status: number | null; output: string } {
  const r = spawnSync(
    process.execPath,
    ['-r', 'ts-node/register', '-r', 'tsconfig-paths/register', 'apps/coupon-server/src/main.ts'],
    {
      cwd: ROOT,
      env: { PATH: process.env.PATH, TS_NODE_SWC: 'true', TS_NODE_TRANSPILE_ONLY: 'true', ...env },
      encoding: 'utf8',
      timeout: 90_000,
    },
  );
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

describe('boot with bad settings (e2e)', () => {
  it.each([
    ['1', 'a worker-less instance'],
    ['2', 'a cluster primary'],
  ])(
    'WEB_CONCURRENCY=%s (%s) stops naming every bad setting',
    (workers) => {
      const { REDIS_URL: _r, ...rest } = TEST_ENV;
      const { status, output } = boot({
        ...rest,
        WEB_CONCURRENCY: workers,
        JWT_SECRET: 'short',
        PORT: '65536',
      });

      expect(status).toBe(1);
      expect(output).toContain('Invalid configuration:');
      expect(output).toMatch(/- JWT_SECRET: JWT_SECRET must be at least 32 characters/);
      expect(output).toMatch(/- PORT: /);
      expect(output).toMatch(/- REDIS_URL: REDIS_URL must look like redis:\/\/host:6379\/0/);
      expect(output).not.toMatch(/^\s+at /m);
    },
    120_000,
  );
});
