import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { createTestApp, type TestApp } from './support/test-app';

const TOOL = join(__dirname, 'tools', 'console-schema.ts');
const CONSOLE_SCHEMA_PATH = join(__dirname, '..', 'apps', 'console', 'src', 'api', 'schema.d.ts');

/** The console's static files as the service serves them at /console (CONSOLE_DIR). */
describe('console static files (e2e)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wxc-console-'));
  const empty = mkdtempSync(join(tmpdir(), 'wxc-console-empty-'));
  let t: TestApp;

  beforeAll(async () => {
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>运营后台</title>');
    writeFileSync(join(dir, 'assets', 'index-AbC123.js'), 'console.log(1)');
    writeFileSync(join(dir, 'favicon.svg'), '<svg/>');
    t = await createTestApp({ CONSOLE_DIR: dir });
  });

  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(empty, { recursive: true, force: true });
  });

  it('caches hashed assets for a year and never index.html', async () => {
    const asset = await t.app.inject({ method: 'GET', url: '/console/assets/index-AbC123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.body).toBe('console.log(1)');

    const index = await t.app.inject({ method: 'GET', url: '/console/' });
    expect(index.statusCode).toBe(200);
    expect(index.headers['cache-control']).toBe('no-cache');
    expect(index.headers['content-type']).toContain('text/html');
    expect(index.body).toContain('运营后台');

    const other = await t.app.inject({ method: 'GET', url: '/console/favicon.svg' });
    expect(other.headers['cache-control']).toBe('no-cache');
  });

  it('answers client routes with index.html (SPA fallback) and redirects /console', async () => {
    for (const url of ['/console/templates/12/edit', '/console/dashboard?x=1']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.body).toContain('运营后台');
    }
    const bare = await t.app.inject({ method: 'GET', url: '/console' });
    expect(bare.statusCode).toBe(302);
    expect(bare.headers.location).toBe('/console/');
    // A missing hashed asset is a 404, not index.html (a stale tab must not run HTML as JS).
    const missing = await t.app.inject({ method: 'GET', url: '/console/assets/gone-123.js' });
    expect(missing.statusCode).toBe(404);
  });

  it('answers a clear 503 page when the console is not built', async () => {
    const bare = await createTestApp({ CONSOLE_DIR: empty });
    try {
      for (const url of ['/console', '/console/dashboard']) {
        const res = await bare.app.inject({ method: 'GET', url });
        expect(res.statusCode).toBe(503);
        expect(res.headers['content-type']).toContain('text/html');
        expect(res.body).toContain('npm run build');
      }
    } finally {
      await bare.close();
    }
  });

  it('keeps the committed console API types in step with the OpenAPI document', () => {
    // What npm run console:schema would write now, from the app's controllers and DTOs.
    const expected = execFileSync(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', TOOL, '--stdout'],
      { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
    );
    const committed = readFileSync(CONSOLE_SCHEMA_PATH, 'utf8');
    // On failure: npm run console:schema, then fix what no longer compiles in apps/console.
    const [was, is] = [committed.split('\n'), expected.split('\n')];
    const line = is.findIndex((l, i) => l !== was[i]);
    expect({ line, committed: was[line], api: is[line] }).toEqual({
      line: -1,
      committed: undefined,
      api: undefined,
    });
    expect(was).toHaveLength(is.length);
  }, 90_000); // a ts-node child process: slow on a busy machine
});
