import 'dotenv/config';
import { DataSource } from 'typeorm';
import { mysqlOptions } from './typeorm-options';

/** Used by `npm run migration:run|revert` (TypeORM CLI); the app builds its own from the same options. */
const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is not set (see .env.example)');

export default new DataSource(mysqlOptions(url));
