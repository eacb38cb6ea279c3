// Imported first by the command-line tools: the libs they use validate settings as they load, so
// .env (or .env.example when there is none) must be read before any of them.
import { config } from 'dotenv';
import { existsSync } from 'node:fs';

config({ path: existsSync('.env') ? '.env' : '.env.example', quiet: true });
