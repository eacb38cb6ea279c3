import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { mysqlOptions, parseDatabaseUrl } from '@app/core';
import { TEST_ENV } from './setup/test-env';

/** Every migration applies on an empty database, reverts cleanly, and applies again. */
describe('migrations (own scratch database)', () => {
  const base = parseDatabaseUrl(TEST_ENV.DATABASE_URL);
  const name = `${base.database}_migrations`;
  const url = TEST_ENV.DATABASE_URL.replace(/\/[^/?]+(\?.*)?$/, `/${name}`);

  async function admin(sql: string): Promise<void> {
    const conn = await createConnection({
      host: base.host,
      port: base.port,
      user: base.username,
      password: base.password,
    });
    await conn.query(sql);
    await conn.end();
  }

  beforeAll(() => admin(`CREATE DATABASE IF NOT EXISTS \`${name}\``));
  afterAll(() => admin(`DROP DATABASE IF EXISTS \`${name}\``));

  it('up, all the way down, and up again', async () => {
    const ds = new DataSource(mysqlOptions(url, 1));
    await ds.initialize();
    try {
      const tables = async () =>
        (
          await ds.query<{ t: string }[]>(
            'SELECT table_name AS t FROM information_schema.tables WHERE table_schema = ? ORDER BY t',
            [name],
          )
        ).map((r) => r.t);

      expect(ds.migrations.length).toBeGreaterThan(0);
      expect(await ds.runMigrations()).toHaveLength(ds.migrations.length);
      expect(await tables()).toEqual(
        expect.arrayContaining([
          'admin_user',
          'audit_event',
          'coupon',
          'coupon_redemption',
          'coupon_template',
          'follower',
        ]),
      );
      for (let i = 0; i < ds.migrations.length; i++) await ds.undoLastMigration();
      expect(await tables()).toEqual(['migrations']);
      expect(await ds.runMigrations()).toHaveLength(ds.migrations.length);
    } finally {
      await ds.destroy();
    }
  });
});
