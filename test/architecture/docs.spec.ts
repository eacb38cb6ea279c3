import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The design travels with the code: the README links docs/architecture.md, which names every
 * lib and the rules the lint enforces. */
const ROOT = join(__dirname, '..', '..');
const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');

describe('architecture docs', () => {
  const readme = read('README.md');
  const design = read('docs/architecture.md');

  it('the README links the design inside the repository, not outside it', () => {
    expect(readme).toContain('](docs/architecture.md)');
    expect(readme).not.toMatch(/\]\(\.\.\//);
  });

  it('names every lib (README table and module map) and every boundary rule', () => {
    for (const lib of readdirSync(join(ROOT, 'libs'))) {
      expect(readme).toContain(`\`libs/${lib}`);
      expect(design).toContain(`\`libs/${lib}\``);
    }
    const rules = [...read('.dependency-cruiser.js').matchAll(/name: '([a-z-]+)'/g)].map(
      (m) => m[1],
    );
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) expect(design).toContain(rule);
  });

  it('every path the design and the README module table point to exists', () => {
    const paths = [...`${design}\n${readme}`.matchAll(/`((?:libs|apps)\/[\w./-]+)`/g)].map(
      (m) => m[1],
    );
    const planned = /^(libs\/(growth|h5)|apps\/console)/;
    const missing = paths.filter((p) => !planned.test(p) && !existsSync(join(ROOT, p)));
    expect(missing).toEqual([]);
  });
});
