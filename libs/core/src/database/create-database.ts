import 'dotenv/config';
import { ensureDatabaseExists } from './database-url';

/**
 * `npm run migration:run` step one: create DATABASE_URL's database if missing (as the app does at
 * boot), so the TypeORM CLI does not fail on a fresh server with ER_BAD_DB_ERROR.
 */
const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is not set (see .env.example)');
ensureDatabaseExists(url).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
