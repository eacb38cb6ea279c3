import fc from 'fast-check';
import { AdminRole } from '@app/admin';
import { generateCouponCode } from '@app/coupon';
import { adminToken } from './support/admin-client';
import { FakeWechatPlatform } from './support/fake-wechat-platform';
import { createTestApp, resetState, type TestApp } from './support/test-app';
import { activeTemplate, templateBody } from './support/templates';
import { TEST_ENV } from './setup/test-env';

/**
 * Issue #10, "keep them closed": generated junk against every admin body, query and path
 * parameter. Whatever arrives, the answer is never a 5xx, and a refused request writes nothing.
 * Fixed seed and bounded runs, so CI is deterministic; a failure prints the shrunk input.
 */
const SEED = 20261202;
const RUNS = Number(process.env.PROPERTY_RUNS ?? 30);

// ---- junk ----------------------------------------------------------------------------------
const badDates = fc.constantFrom(
  '2026-W10',
  '20260601',
  '2026-06-01T10Z',
  '2026-02-30T00:00:00Z',
  '0000-01-01T00:00:00Z',
  '9999-99-99',
  '2026-06-01T25:61:00Z',
  '+275760-09-13T00:00:00Z',
  '',
);
const goodDates = fc
  .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
  .map((d) => d.toISOString());
const hugeNumbers = fc.constantFrom(
  1e18,
  -1e18,
  1e308,
  -1e308,
  2 ** 53 + 1,
  Number.MAX_SAFE_INTEGER,
  Number.MIN_SAFE_INTEGER,
  2 ** 31,
  2 ** 32,
  -1,
  0,
  0.5,
);
const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.constantFrom(
    '🎟️'.repeat(40),
    'x'.repeat(5000),
    '\u0000',
    '%00',
    '../../etc/passwd',
    "' OR 1=1 --",
  ),
);
const scalar = fc.oneof(
  text,
  fc.integer(),
  fc.double(),
  hugeNumbers,
  fc.boolean(),
  fc.constant(null),
  badDates,
  goodDates,
);
/** Anything JSON can carry: scalars, arrays where scalars belong, nested objects. */
const junk: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: scalar },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), scalar, { maxKeys: 3 }) },
);

/** An object with the DTO's field names (each junk, a plausible value, or absent) plus extras. */
function body(fields: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<unknown> {
  const shaped = fc.record(
    Object.fromEntries(
      Object.entries(fields).map(([k, plausible]) => [
        k,
        fc.oneof({ weight: 3, arbitrary: plausible }, { weight: 1, arbitrary: junk }),
      ]),
    ),
    { requiredKeys: [] },
  );
  const withExtras = fc
    .tuple(shaped, fc.dictionary(fc.string({ minLength: 1, maxLength: 10 }), junk, { maxKeys: 2 }))
    .map(([a, b]) => ({ ...b, ...a }));
  return fc.oneof(
    { weight: 4, arbitrary: shaped },
    { weight: 2, arbitrary: withExtras },
    { weight: 1, arbitrary: junk },
  );
}

/**
 * A query string: known names with plausible values or junk (huge numbers favoured), repeated
 * names (arrays), and sometimes an unknown name.
 */
function query(names: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<string> {
  const junkValue = fc.oneof(
    scalar.map((v) => [String(v)]),
    hugeNumbers.map((v) => [String(v)]),
    fc.array(scalar.map(String), { minLength: 2, maxLength: 3 }),
  );
  const known = fc.record(
    Object.fromEntries(
      Object.entries(names).map(([n, plausible]) => [
        n,
        fc.oneof(
          { weight: 2, arbitrary: plausible.map((v) => [String(v)]) },
          { weight: 1, arbitrary: junkValue },
        ),
      ]),
    ),
    { requiredKeys: [] },
  );
  const extra = fc.oneof(
    { weight: 4, arbitrary: fc.constant({}) },
    {
      weight: 1,
      arbitrary: fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), junkValue, {
        maxKeys: 1,
      }),
    },
  );
  return fc.tuple(known, extra).map(([k, x]) => {
    const qs = new URLSearchParams();
    for (const [name, vs] of Object.entries({ ...x, ...k }))
      for (const v of vs ?? []) qs.append(name, v);
    const str = qs.toString();
    return str ? `?${str}` : '';
  });
}

const pageParams = {
  page: fc.integer({ min: 1, max: 5 }),
  pageSize: fc.integer({ min: 1, max: 100 }),
};

/** A path segment: junk made URL-safe (the router decodes it back). */
const segment = fc.oneof(scalar.map(String), fc.constant('')).map((s) => encodeURIComponent(s));

// ---- routes ----------------------------------------------------------------------------------
const int = fc.integer({ min: 1, max: 10_000 });
const cents = fc.integer({ min: 0, max: 100_000 });
const templateFields = {
  name: fc.string({ minLength: 1, maxLength: 10 }),
  description: fc.string(),
  discountType: fc.constantFrom('AMOUNT', 'PERCENT'),
  amountCents: cents,
  percentOff: fc.integer({ min: 1, max: 99 }),
  maxDiscountCents: cents,
  thresholdCents: cents,
  totalQuantity: int,
  perUserLimit: fc.integer({ min: 1, max: 5 }),
  dailyLimit: int,
  usableWeekdays: fc.array(fc.integer({ min: 1, max: 7 }), { maxLength: 7 }),
  usableTimeStart: fc.constantFrom('10:00', '00:00', '23:59'),
  usableTimeEnd: fc.constantFrom('22:00', '23:59'),
  claimStartsAt: goodDates,
  claimEndsAt: goodDates,
  validityType: fc.constantFrom('FIXED', 'RELATIVE'),
  validFrom: goodDates,
  validTo: goodDates,
  validDays: fc.integer({ min: 1, max: 30 }),
  keyword: fc.string({ minLength: 1, maxLength: 6 }),
  menuKey: fc.stringMatching(/^[A-Z_]{1,10}$/),
  welcome: fc.boolean(),
};

interface Case {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  /** The request as generated: path (with query) and optional JSON body. */
  request: (ids: Ids) => fc.Arbitrary<{ url: string; payload?: unknown }>;
  role?: AdminRole;
  runs?: number;
}
interface Ids {
  tpl: number;
  code: string;
}

const A = '/api/v1/admin';
const CASES: Case[] = [
  {
    name: 'login',
    method: 'POST',
    runs: Math.min(RUNS, 15), // every well-formed attempt costs an scrypt
    request: () =>
      body({ username: fc.constantFrom('admin', 'Admin ', 'ädmin'), password: fc.string() }).map(
        (payload) => ({ url: `${A}/auth/login`, payload }),
      ),
  },
  {
    name: 'change-password',
    method: 'POST',
    role: AdminRole.VIEWER,
    runs: Math.min(RUNS, 15),
    request: () =>
      body({ currentPassword: fc.string(), newPassword: fc.string({ minLength: 12 }) }).map(
        (payload) => ({ url: `${A}/auth/change-password`, payload }),
      ),
  },
  {
    name: 'create admin user',
    method: 'POST',
    request: () =>
      body({
        username: fc.stringMatching(/^[a-z]{1,4}$/),
        password: fc.string({ maxLength: 11 }),
        role: fc.constantFrom('VIEWER', 'ROOT', 'admin'),
      }).map((payload) => ({ url: `${A}/users`, payload })),
  },
  {
    name: 'create template',
    method: 'POST',
    request: () =>
      body(templateFields).map((payload) => ({ url: `${A}/coupon-templates`, payload })),
  },
  {
    name: 'edit template',
    method: 'PATCH',
    request: (ids) =>
      fc
        .tuple(
          fc.oneof(fc.constant(String(ids.tpl)), segment),
          body({ ...templateFields, expectedVersion: int }),
        )
        .map(([id, payload]) => ({ url: `${A}/coupon-templates/${id}`, payload })),
  },
  {
    name: 'template transitions',
    method: 'POST',
    request: () =>
      fc
        .tuple(segment, fc.constantFrom('activate', 'pause', 'end'), fc.option(junk))
        .map(([id, action, payload]) => ({
          url: `${A}/coupon-templates/${id}/${action}`,
          payload: payload ?? undefined,
        })),
  },
  {
    name: 'redeem',
    method: 'POST',
    role: AdminRole.CLERK,
    request: (ids) =>
      fc
        .tuple(
          fc.oneof(fc.constant(ids.code), segment),
          fc.constantFrom('redeem', 'redeem/undo', 'revoke'),
          body({
            requestNo: fc.stringMatching(/^[A-Z0-9-]{1,8}$/),
            orderAmountCents: hugeNumbers,
            storeId: fc.string(),
            orderId: fc.string(),
            reason: fc.string(),
          }),
        )
        .map(([code, action, payload]) => ({ url: `${A}/coupons/${code}/${action}`, payload })),
  },
  {
    name: 'publish menu',
    method: 'PUT',
    request: () =>
      body({
        button: fc.array(
          body({
            name: fc.string({ maxLength: 20 }),
            type: fc.constantFrom('click', 'view', 'miniprogram'),
            key: fc.string({ maxLength: 10 }),
            url: fc.string(),
            sub_button: fc.array(junk, { maxLength: 6 }),
          }),
          { maxLength: 5 },
        ),
      }).map((payload) => ({ url: `${A}/wechat/menu`, payload })),
  },
  {
    name: 'list templates',
    method: 'GET',
    request: () =>
      query({ ...pageParams, status: fc.constantFrom('ACTIVE', 'DRAFT') }).map((q) => ({
        url: `${A}/coupon-templates${q}`,
      })),
  },
  {
    name: 'template by id, coupons.csv, stats',
    method: 'GET',
    request: (ids) =>
      fc
        .tuple(
          fc.oneof(fc.constant(String(ids.tpl)), segment),
          fc.constantFrom('', '/coupons.csv', 'stats'),
          query({ from: goodDates, to: goodDates }),
        )
        .map(([id, what, q]) =>
          what === 'stats'
            ? { url: `${A}/stats/templates/${id}${q}` }
            : { url: `${A}/coupon-templates/${id}${what}` },
        ),
  },
  {
    name: 'search coupons',
    method: 'GET',
    request: () =>
      query({
        code: fc.constant(generateCouponCode()),
        openid: fc.constantFrom('o-prop', 'o1'),
        templateId: int,
        status: fc.constantFrom('AVAILABLE', 'USED', 'EXPIRED'),
        claimedFrom: goodDates,
        claimedTo: goodDates,
        pageSize: pageParams.pageSize,
        cursor: fc.string({ maxLength: 30 }),
      }).map((q) => ({ url: `${A}/coupons${q}` })),
  },
  {
    name: 'coupon by code',
    method: 'GET',
    request: (ids) =>
      fc.oneof(fc.constant(ids.code), segment).map((c) => ({ url: `${A}/coupons/${c}` })),
  },
  {
    name: 'claim logs',
    method: 'GET',
    request: () =>
      fc
        .tuple(
          fc.constantFrom('', '/summary'),
          query({
            ...pageParams,
            openid: fc.constantFrom('o-prop', 'o1'),
            templateId: int,
            outcome: fc.constantFrom('GRANTED', 'SOLD_OUT'),
            from: goodDates,
            to: goodDates,
          }),
        )
        .map(([sub, q]) => ({ url: `${A}/audit/claim-logs${sub}${q}` })),
  },
  {
    name: 'followers',
    method: 'GET',
    request: () =>
      fc
        .oneof(
          query({ phone: fc.constantFrom('13800138000', '12345') }).map(
            (q) => `${A}/followers${q}`,
          ),
          segment.map((s) => `${A}/followers/${s}`),
        )
        .map((url) => ({ url })),
  },
  {
    // Last: it may disable or reset the users whose tokens the cases above use.
    name: 'user actions',
    method: 'POST',
    request: () =>
      fc
        .tuple(
          segment,
          fc.constantFrom('disable', 'enable', 'reset-password'),
          body({ newPassword: fc.string({ maxLength: 11 }) }),
        )
        .map(([id, action, payload]) => ({ url: `${A}/users/${id}/${action}`, payload })),
  },
];

describe('admin inputs: generated junk never makes a 5xx or a write (property, e2e)', () => {
  let t: TestApp;
  let platform: FakeWechatPlatform;
  let ids: Ids;
  const tokens = new Map<AdminRole, string>();

  beforeAll(async () => {
    // A valid menu would be published: to a fake platform, so "upstream down" is not a 5xx here.
    platform = await FakeWechatPlatform.start(TEST_ENV.WECHAT_APP_ID, TEST_ENV.WECHAT_APP_SECRET);
    t = await createTestApp({
      WECHAT_API_BASE_URL: platform.url,
      COUPON_EXPIRY_INTERVAL_SECONDS: '0',
      LOGIN_MAX_FAILURES_PER_IP: '100000',
    });
    await resetState(t);
    for (const role of [AdminRole.ADMIN, AdminRole.CLERK, AdminRole.VIEWER]) {
      tokens.set(role, await adminToken(t.app, role));
    }
    const tpl = await activeTemplate(t.app, templateBody());
    const code = generateCouponCode();
    await t.db.query(
      `INSERT INTO coupon (code, template_id, openid, stock_seq, user_seq, request_key, channel,
         status, valid_from, valid_to, claimed_at)
       VALUES (?, ?, 'o-prop', 1, 1, 'k-prop', 'KEYWORD', 'AVAILABLE', NOW(3), NOW(3) + INTERVAL 1 DAY, NOW(3))`,
      [code, tpl.id],
    );
    ids = { tpl: tpl.id, code };
  });
  afterAll(async () => {
    await t.close();
    await platform.close();
    delete process.env.WECHAT_API_BASE_URL;
  });

  /** Everything a refused admin request could have written. */
  const snapshot = async (): Promise<string> =>
    JSON.stringify(
      await t.db.query(
        'CHECKSUM TABLE coupon_template, coupon, coupon_redemption, admin_user, follower',
      ),
    );

  it.each(CASES.map((c) => [c.name, c] as const))(
    '%s',
    async (_name, c) => {
      const token = tokens.get(c.role ?? AdminRole.ADMIN)!;
      const statuses = new Set<number>();
      await fc.assert(
        fc.asyncProperty(c.request(ids), async ({ url, payload }) => {
          const before = await snapshot();
          const res = await t.app.inject({
            method: c.method,
            url,
            headers: {
              authorization: `Bearer ${token}`,
              ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
            },
            ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }),
          });
          statuses.add(res.statusCode);
          if (res.statusCode >= 500) {
            throw new Error(`${c.method} ${url} -> ${res.statusCode} ${res.body.slice(0, 300)}`);
          }
          if (res.statusCode >= 400) expect(await snapshot()).toBe(before);
          // Every error keeps the one documented shape.
          if (res.statusCode >= 400) {
            expect(res.json()).toMatchObject({
              statusCode: res.statusCode,
              message: expect.any(String),
            });
          }
        }),
        { seed: SEED, numRuns: c.runs ?? RUNS, endOnFailure: true },
      );
      // The junk reached validation or the handler, not just the auth guard.
      expect([...statuses].some((s) => s !== 401 && s !== 403)).toBe(true);
      // The service still answers a plain valid request afterwards.
      const ok = await t.app.inject({
        method: 'GET',
        url: `${A}/coupon-templates/${ids.tpl}`,
        headers: { authorization: `Bearer ${tokens.get(AdminRole.ADMIN)!}` },
      });
      expect(ok.statusCode).toBe(200);
    },
    120_000,
  );
});
