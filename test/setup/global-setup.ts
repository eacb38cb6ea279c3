// Settings first: core validates them as it loads.
import './env';
import { DataSource } from 'typeorm';
import { createConnection } from 'mysql2/promise';
// Jest's moduleNameMapper does not apply to a global setup: reach @app/core's face by its path.
import { mysqlOptions, parseDatabaseUrl } from '../../libs/core/src';
import { TEST_ENV } from './test-env';

/** A fresh test database per run, built by the real migrations (never synchronize). */
export default async function globalSetup(): Promise<void> {
  const url = TEST_ENV.DATABASE_URL;
  const p = parseDatabaseUrl(url);
  const conn = await createConnection({
    host: p.host,
    port: p.port,
    user: p.username,
    password: p.password,
  });
  await conn.query(`DROP DATABASE IF EXISTS \`${p.database}\``);
  await conn.query(
    `CREATE DATABASE \`${p.database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
  );
  await conn.end();
  const ds = new DataSource(mysqlOptions(url, 2));
  await ds.initialize();
  await ds.runMigrations();
  await ds.destroy();
}
