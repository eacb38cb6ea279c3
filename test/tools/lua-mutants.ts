/**
 * Mutation testing of the gate's Lua scripts (StrykerJS cannot mutate Lua): each mutant below
 * removes or inverts one check, the specs that guard the gate are run against it, and it must
 * make at least one of them fail. Scripts are edited in place and always restored.
 *
 *   npm run test:mutation:lua            (all mutants)
 *   npm run test:mutation:lua -- 3 7     (only mutants #3 and #7)
 *
 * Uses TEST_DATABASE_URL / TEST_REDIS_URL like the e2e suite.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const DIR = join(__dirname, '../../libs/coupon/src/issuance');
/** claim.lua is exercised through /wx; the repair scripts directly and through the lies. */
const CLAIM_SPECS = [
  'test/wechat-claim.e2e-spec.ts',
  'test/follower-throttle.e2e-spec.ts',
  'test/route-cache.e2e-spec.ts',
  'test/template-edit.e2e-spec.ts',
  'test/redis-lies.e2e-spec.ts',
  'test/audiences.e2e-spec.ts',
];
const REPAIR_SPECS = [
  'test/lua-gate.e2e-spec.ts',
  'test/redis-lies.e2e-spec.ts',
  'test/stock-reconcile.e2e-spec.ts',
];
const specsFor = (file: string): string[] => (file === 'claim' ? CLAIM_SPECS : REPAIR_SPECS);

interface Mutant {
  file: string;
  from: string;
  to: string;
  what: string;
}

const MUTANTS: Mutant[] = [
  // claim.lua
  {
    file: 'claim',
    from: "if seen then return {'DUP', seen} end",
    to: '',
    what: 'no retry de-duplication',
  },
  {
    file: 'claim',
    from: "if not m[1] then return {'NO_STATE'} end",
    to: "if not m[1] then m = {'ACTIVE', '0', '9999999999999', '1000000', '1000', '0', '0'} end",
    what: 'missing state guessed instead of rebuilt',
  },
  {
    file: 'claim',
    from: "if m[1] ~= 'ACTIVE' then",
    to: 'if false then',
    what: 'status not checked',
  },
  {
    file: 'claim',
    from: 'if now < tonumber(m[2])',
    to: 'if false',
    what: 'claim start not checked',
  },
  { file: 'claim', from: 'if now > tonumber(m[3])', to: 'if false', what: 'claim end not checked' },
  {
    file: 'claim',
    from: 'if mine >= tonumber(m[5])',
    to: 'if mine > tonumber(m[5])',
    what: 'per-user limit off by one',
  },
  {
    file: 'claim',
    from: "if daily > 0 and tonumber(redis.call('GET', KEYS[6]) or '0') >= daily",
    to: 'if false',
    what: 'daily cap not checked',
  },
  {
    file: 'claim',
    from: "local stockSeq = redis.call('SPOP', KEYS[4])",
    to: 'local stockSeq = nil',
    what: 'free (given back) seqs never reused',
  },
  {
    file: 'claim',
    from: 'if issued >= tonumber(m[4])',
    to: 'if issued > tonumber(m[4])',
    what: 'stock off by one',
  },
  {
    file: 'claim',
    from: "redis.call('SET', KEYS[5], value, 'EX', tonumber(ARGV[3]))",
    to: '',
    what: 'answers not remembered',
  },
  {
    file: 'claim',
    from: "if (m[1] ~= 'ACTIVE' and m[1] ~= 'PAUSED') or redis.call('HGET', KEYS[1], ARGV[4]) ~= ARGV[5] then",
    to: 'if false then',
    what: 'a cached keyword route trusted without the template owning it',
  },
  {
    file: 'claim',
    from: 'if n > rateLimit then',
    to: 'if false then',
    what: 'follower claim rate not limited',
  },
  {
    file: 'claim',
    from: "if m[8] and m[8] ~= '' and redis.call('SISMEMBER', KEYS[8], ARGV[1]) == 0 then",
    to: 'if false then',
    what: 'audience not checked',
  },
  {
    file: 'claim',
    from: "if redis.call('SISMEMBER', KEYS[8], '.') == 0 then return {'NO_STATE'} end",
    to: '',
    what: 'a lost audience set refuses members instead of being rebuilt',
  },
  // release.lua
  {
    file: 'release',
    from: "if redis.call('GET', KEYS[1]) == ARGV[2] then",
    to: 'if false then',
    what: 'release: newest slot freed instead of stepping back',
  },
  {
    file: 'release',
    from: "if redis.call('HGET', KEYS[2], ARGV[1]) == ARGV[3] then",
    to: 'if true then',
    what: 'release: count lowered even when it moved on',
  },
  {
    file: 'release',
    from: "redis.call('DEL', KEYS[4])\nreturn 1",
    to: 'return 1',
    what: 'release: request answer kept',
  },
  // catch-up.lua
  {
    file: 'catch-up',
    from: "if ARGV[4] ~= '0' then",
    to: 'if false then',
    what: "catch-up: the attempt's stock seq never given back",
  },
  {
    file: 'catch-up',
    from: "if ARGV[5] ~= '0' and",
    to: 'if false and',
    what: "catch-up: the attempt's user seq never given back",
  },
  {
    file: 'catch-up',
    from: "if tonumber(redis.call('GET', KEYS[1]) or '0') < tonumber(ARGV[2]) then",
    to: 'if true then',
    what: 'catch-up: issued lowered to MySQL',
  },
  {
    file: 'catch-up',
    from: "if tonumber(redis.call('HGET', KEYS[2], ARGV[1]) or '0') < tonumber(ARGV[3]) then",
    to: 'if true then',
    what: 'catch-up: count lowered to MySQL',
  },
  {
    file: 'catch-up',
    from: "redis.call('DEL', KEYS[3])",
    to: '',
    what: 'catch-up: request answer kept',
  },
  // merge-counts.lua
  {
    file: 'merge-counts',
    from: "if tonumber(redis.call('HGET', KEYS[1], ARGV[i]) or '0') < tonumber(ARGV[i + 1]) then",
    to: 'if true then',
    what: 'merge: counts lowered',
  },
  // publish-state.lua
  {
    file: 'publish-state',
    from: "if tonumber(redis.call('GET', KEYS[2]) or '0') < tonumber(ARGV[1]) then",
    to: 'if true then',
    what: 'publish: issued lowered',
  },
  {
    file: 'publish-state',
    from: 'if tonumber(seq) > tonumber(ARGV[i + 1]) then',
    to: 'if false then',
    what: 'publish: free seqs beyond stock kept',
  },
  {
    file: 'publish-state',
    from: "redis.call('DEL', KEYS[1])\n",
    to: '',
    what: 'publish: stale meta fields kept',
  },
  // update-meta.lua
  {
    file: 'update-meta',
    from: "if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end",
    to: '',
    what: 'update: partial meta created',
  },
  {
    file: 'update-meta',
    from: 'tonumber(ARGV[i + 1]) < current then return 0 end',
    to: 'false then return 0 end',
    what: 'update: older version wins',
  },
  // give-back-count.lua
  {
    file: 'give-back-count',
    from: "if redis.call('HGET', KEYS[1], ARGV[1]) ~= ARGV[2] then return 0 end",
    to: '',
    what: 'give-back: no compare-and-set',
  },
  {
    file: 'give-back-count',
    from: 'if tonumber(ARGV[3]) > 0 then',
    to: 'if true then',
    what: 'give-back: zero stored instead of removed',
  },
];

// The 500-follower race needs an idle machine to meet its reply deadline; the single-follower
// checks it would add are covered by the other claim tests.
const runSpecs = (specs: string[]): boolean =>
  spawnSync('npx', ['jest', '--runInBand', '--bail', '-t', '^(?!.*concurrency)', ...specs], {
    stdio: 'ignore',
    timeout: 600_000,
  }).status === 0;

/** Restores the script being mutated if the run is interrupted. */
let restore: (() => void) | null = null;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    restore?.();
    process.exit(130);
  });
}

if (!runSpecs([...new Set([...CLAIM_SPECS, ...REPAIR_SPECS])]))
  throw new Error('the specs fail without any mutant: fix them first');
const only = process.argv.slice(2).map(Number);
const results: { n: number; what: string; killed: boolean }[] = [];
MUTANTS.forEach((m, i) => {
  const n = i + 1;
  if (only.length > 0 && !only.includes(n)) return;
  const path = join(DIR, `${m.file}.lua`);
  const original = readFileSync(path, 'utf8');
  if (!original.includes(m.from)) throw new Error(`mutant #${n} (${m.what}) no longer applies`);
  restore = () => writeFileSync(path, original);
  try {
    writeFileSync(path, original.replace(m.from, m.to));
    results.push({ n, what: m.what, killed: !runSpecs(specsFor(m.file)) });
  } finally {
    restore();
    restore = null;
  }
  const r = results[results.length - 1];
  console.log(`#${n} ${r.killed ? 'killed  ' : 'SURVIVED'} ${m.file}.lua: ${m.what}`);
});
const killed = results.filter((r) => r.killed).length;
console.log(`${killed} killed, ${results.length - killed} survived`);
process.exitCode = killed === results.length ? 0 : 1;
