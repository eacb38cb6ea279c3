import type { DataSourceOptions } from 'typeorm';
import { parseDatabaseUrl } from './database-url';
import { migrations } from './migrations';

/** One definition shared by the app, the migration CLI and the tests, so they never drift. */
export function mysqlOptions(url: string, poolSize = 20): DataSourceOptions {
  const p = parseDatabaseUrl(url);
  return {
    type: 'mysql',
    host: p.host,
    port: p.port,
    username: p.username,
    password: p.password,
    database: p.database,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    synchronize: false,
    migrations,
    migrationsTableName: 'migrations',
    extra: { connectionLimit: poolSize, enableKeepAlive: true },
  };
}
