import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

/**
 * The module map in .dependency-cruiser.js, proved on a fixture tree shaped like ours: every rule
 * catches its breach (and only it), the allowed arrows pass, and today's tree is clean.
 */
const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..');
const CONFIG = join(ROOT, '.dependency-cruiser.js');
const DEPCRUISE = join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruiser.mjs');
const LIBS = ['core', 'wechat', 'audit', 'coupon', 'growth', 'h5', 'admin'];

interface Violation {
  rule: string;
  from: string;
  to: string;
}

async function cruise(cwd: string, dirs: string[]): Promise<{ code: number; found: Violation[] }> {
  // The `err` reporter is what `npm run lint` prints, and the only one that sets the exit code.
  const args = [DEPCRUISE, '--config', CONFIG, '--output-type', 'err', ...dirs];
  try {
    const { stdout } = await run(process.execPath, args, { cwd, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, found: violations(stdout) };
  } catch (err) {
    const e = err as { code?: number; stdout?: string };
    if (typeof e.code !== 'number' || !e.stdout) throw err;
    return { code: e.code, found: violations(e.stdout) };
  }
}

/** `  error <rule>: <from> → <to>` entries of the err reporter (a cycle goes on: `→ ...`). */
function violations(report: string): Violation[] {
  return [...report.matchAll(/^\s*error (\S+): (\S+) →\s+(\S+)/gm)]
    .map(([, rule, from, to]) => ({ rule, from, to }))
    .sort((a, b) => `${a.rule}${a.from}${a.to}`.localeCompare(`${b.rule}${b.from}${b.to}`));
}

/** A tree with our layout and aliases (taken from the real tsconfig, plus the libs to come). */
function fixture(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'wxc-boundaries-'));
  const real = JSON.parse(readFileSync(join(ROOT, 'tsconfig.json'), 'utf8')) as {
    compilerOptions: { paths: Record<string, string[]> };
  };
  const paths = { ...real.compilerOptions.paths };
  for (const lib of LIBS) paths[`@app/${lib}`] ??= [`libs/${lib}/src`];
  const tree: Record<string, string> = {
    'tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: './', paths } }),
    'apps/server/src/main.ts': "import { core } from '@app/core';\nexport const app = core;\n",
    ...Object.fromEntries(
      LIBS.map((lib) => [`libs/${lib}/src/index.ts`, `export const ${lib} = '${lib}';\n`]),
    ),
    'libs/coupon/src/inner.ts': 'export const inner = 1;\n',
    ...files,
  };
  for (const [path, text] of Object.entries(tree)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const uses = (...specifiers: string[]): string =>
  specifiers
    .map((s, i) => `import * as m${i} from '${s}';\nexport const u${i} = m${i};\n`)
    .join('');

describe('module boundaries (.dependency-cruiser.js)', () => {
  const dirs: string[] = [];
  const tree = (files: Record<string, string>): string => {
    const dir = fixture(files);
    dirs.push(dir);
    return dir;
  };
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('lets the downward arrows through', async () => {
    const dir = tree({
      'libs/wechat/src/ok.ts': uses('@app/core'),
      'libs/audit/src/ok.ts': uses('@app/core'),
      'libs/coupon/src/ok.ts': uses('@app/core', '@app/wechat', './inner'),
      'libs/growth/src/ok.ts': uses('@app/coupon', '@app/wechat'),
      'libs/h5/src/ok.ts': uses('@app/growth', '@app/coupon', '@app/wechat'),
      'libs/admin/src/ok.ts': uses('@app/growth', '@app/coupon', '@app/audit', '@app/core'),
      'apps/server/src/app.ts': uses('@app/admin', '@app/h5', '@app/audit'),
      'test/app.e2e-spec.ts': uses('@app/coupon', '@app/admin'),
      'libs/coupon/src/inner.spec.ts': uses('./inner'),
    });
    expect(await cruise(dir, ['apps', 'libs', 'test'])).toEqual({ code: 0, found: [] });
  }, 60_000);

  it('fails on each forbidden import, naming the rule', async () => {
    const dir = tree({
      'libs/core/src/bad.ts': uses('@app/coupon', '@app/audit'),
      'libs/audit/src/bad.ts': uses('@app/wechat', '@app/coupon'),
      'libs/wechat/src/bad.ts': uses('@app/coupon', '@app/admin', '@app/audit'),
      'libs/coupon/src/bad.ts': uses('@app/admin', '@app/audit', '@app/growth', '@app/h5'),
      'libs/growth/src/bad.ts': uses('../../../apps/server/src/main'),
      'libs/admin/src/deep.ts': uses('../../coupon/src/inner'),
      'test/reach.e2e-spec.ts': uses('../libs/coupon/src/inner'),
      'apps/server/src/deep.ts': uses('@app/coupon/inner'),
      'libs/h5/src/a.ts': uses('./b'),
      'libs/h5/src/b.ts': uses('./a'),
    });
    const { code, found } = await cruise(dir, ['apps', 'libs', 'test']);

    expect(code).not.toBe(0);
    const idx = (lib: string) => `libs/${lib}/src/index.ts`;
    expect(found).toEqual(
      [
        { rule: 'audit-imports-no-feature', from: 'libs/audit/src/bad.ts', to: idx('coupon') },
        { rule: 'audit-imports-no-feature', from: 'libs/audit/src/bad.ts', to: idx('wechat') },
        { rule: 'core-imports-no-lib', from: 'libs/core/src/bad.ts', to: idx('audit') },
        { rule: 'core-imports-no-lib', from: 'libs/core/src/bad.ts', to: idx('coupon') },
        { rule: 'coupon-imports-no-edge', from: 'libs/coupon/src/bad.ts', to: idx('admin') },
        { rule: 'coupon-imports-no-edge', from: 'libs/coupon/src/bad.ts', to: idx('audit') },
        { rule: 'coupon-imports-no-edge', from: 'libs/coupon/src/bad.ts', to: idx('growth') },
        { rule: 'coupon-imports-no-edge', from: 'libs/coupon/src/bad.ts', to: idx('h5') },
        {
          rule: 'lib-imports-no-app',
          from: 'libs/growth/src/bad.ts',
          to: 'apps/server/src/main.ts',
        },
        { rule: 'no-circular', from: 'libs/h5/src/a.ts', to: 'libs/h5/src/b.ts' },
        { rule: 'no-deep-import', from: 'libs/admin/src/deep.ts', to: 'libs/coupon/src/inner.ts' },
        { rule: 'no-deep-import', from: 'test/reach.e2e-spec.ts', to: 'libs/coupon/src/inner.ts' },
        {
          rule: 'no-unresolvable-app-import',
          from: 'apps/server/src/deep.ts',
          to: '@app/coupon/inner',
        },
        { rule: 'wechat-imports-no-feature', from: 'libs/wechat/src/bad.ts', to: idx('admin') },
        { rule: 'wechat-imports-no-feature', from: 'libs/wechat/src/bad.ts', to: idx('audit') },
        { rule: 'wechat-imports-no-feature', from: 'libs/wechat/src/bad.ts', to: idx('coupon') },
      ].sort((a, b) => `${a.rule}${a.from}${a.to}`.localeCompare(`${b.rule}${b.from}${b.to}`)),
    );
  }, 60_000);

  it('keeps HTTP shape packages out of coupon (the edges may use them)', async () => {
    const shapes = ['@nestjs/swagger', 'class-transformer', 'class-validator'];
    // Installed packages (stand-ins), so the rule is proved on what an import resolves to.
    const installed = Object.fromEntries(
      shapes.flatMap((pkg) => [
        [`node_modules/${pkg}/package.json`, JSON.stringify({ name: pkg, main: 'dist/index.js' })],
        [`node_modules/${pkg}/dist/index.js`, 'module.exports = {};\n'],
      ]),
    );
    const dir = tree({
      ...installed,
      'libs/coupon/src/bad.ts': uses(...shapes),
      'libs/admin/src/ok.ts': uses(...shapes),
      'libs/h5/src/ok.ts': uses(...shapes),
    });
    const { code, found } = await cruise(dir, ['apps', 'libs']);

    expect(code).not.toBe(0);
    expect(found).toEqual(
      shapes.map((pkg) => ({
        rule: 'coupon-imports-no-http-shapes',
        from: 'libs/coupon/src/bad.ts',
        to: `node_modules/${pkg}/dist/index.js`,
      })),
    );
  }, 60_000);

  it('finds no violation in the real tree', async () => {
    expect(await cruise(ROOT, ['apps', 'libs', 'test'])).toEqual({ code: 0, found: [] });
  }, 60_000);
});
