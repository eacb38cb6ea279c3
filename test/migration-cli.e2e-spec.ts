import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { parseDatabaseUrl } from '@app/core';
import { TEST_ENV } from './setup/test-env';

/** An operator's first `npm run migration:run` against a server where the database is missing. */
describe('npm run migration:run on a fresh server (e2e)', () => {
  const p = parseDatabaseUrl(TEST_ENV.DATABASE_URL);
  const database = `${p.database}_cli`;
  const url = TEST_ENV.DATABASE_URL.replace(/\/[^/?]+(\?|$)/, `/${database}$1`);
  const admin = () =>
    createConnection({ host: p.host, port: p.port, user: p.username, password: p.password });

  afterAll(async () => {
    const conn = await admin();
    await conn.query(`DROP DATABASE IF EXISTS \`${database}\``);
    await conn.end();
  });

  it('creates the database, then applies every migration', async () => {
    const conn = await admin();
    await conn.query(`DROP DATABASE IF EXISTS \`${database}\``);
    execFileSync('npm', ['run', '--silent', 'migration:run'], {
      cwd: join(__dirname, '..'),
      env: { ...process.env, DATABASE_URL: url },
      stdio: 'pipe',
    });
    const [rows] = await conn.query(`SELECT COUNT(*) AS n FROM \`${database}\`.migrations`);
    await conn.end();
    expect((rows as { n: number }[])[0].n).toBeGreaterThan(0);
  }, 120_000);
});
