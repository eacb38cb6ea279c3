import { createConnection } from 'mysql2/promise';

export interface MysqlConnectionParts {
  host: string;
  port: number;
  username: string;
  password: string;
  database: string;
}

export function parseDatabaseUrl(url: string): MysqlConnectionParts {
  const u = new URL(url);
  const database = decodeURIComponent(u.pathname.replace(/^\//, ''));
  if (!database)
    throw new Error('DATABASE_URL must name a database, e.g. mysql://root@127.0.0.1:3306/wxcoupon');
  return {
    host: u.hostname,
    port: u.port ? Number(u.port) : 3306,
    username: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database,
  };
}

/** Lets a newcomer boot against a bare server; needs CREATE privilege, a no-op when the schema exists. */
export async function ensureDatabaseExists(url: string): Promise<void> {
  const p = parseDatabaseUrl(url);
  const conn = await createConnection({
    host: p.host,
    port: p.port,
    user: p.username,
    password: p.password,
  });
  try {
    await conn.query(
      `CREATE DATABASE IF NOT EXISTS \`${p.database.replace(/`/g, '')}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
  } finally {
    await conn.end();
  }
}
