import { TEST_ENV } from './test-env';

// Each e2e worker starts from the same settings; a test may override one before creating its app.
Object.assign(process.env, TEST_ENV);
