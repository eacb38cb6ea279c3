import { randomBytes } from 'node:crypto';
import { Controller, Get, type Type } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { PATH_METADATA } from '@nestjs/common/constants';
import {
  ADMIN_USERNAME,
  AdminRole,
  AdminUser,
  ANY_ADMIN_KEY,
  PasswordHasher,
  ROLES_KEY,
} from '@app/admin';
import { IS_PUBLIC_KEY } from '@app/core';
import { adminToken } from './support/admin-client';
import { createTestApp, type TestApp } from './support/test-app';
import { TEST_ENV } from './setup/test-env';

const LOGIN = '/api/v1/admin/auth/login';
const ME = '/api/v1/admin/auth/me';
const CHANGE = '/api/v1/admin/auth/change-password';
const PASSWORD = 'victim-password-123';

type Redis = { flushdb(): Promise<unknown>; keys(p: string): Promise<string[]> };

/** Issue #10 items 4, 5, 12 and 13 (JWT exp, change-password oracle): the admin edge holds. */
describe('admin edge hardening (e2e)', () => {
  const prefix = `s${randomBytes(3).toString('hex')}`;

  async function createUser(t: TestApp, name: string, role = AdminRole.MARKETER): Promise<string> {
    const users = t.db.getRepository(AdminUser);
    const username = `${prefix}_${name}`;
    const passwordHash = await t.app.get(PasswordHasher).hash(PASSWORD);
    await users.save(users.create({ username, passwordHash, role }));
    return username;
  }

  const login = (t: TestApp, username: string, password: string, ip = '10.0.0.1') =>
    t.app.inject({
      method: 'POST',
      url: LOGIN,
      payload: { username, password },
      remoteAddress: ip,
    });

  describe('login throttle (item 4)', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({
        LOGIN_MAX_FAILURES_PER_USERNAME: '5',
        LOGIN_MAX_FAILURES_PER_IP: '20',
        ADMIN_RATE_LIMIT: '10000',
      });
      await (t.redis as Redis).flushdb();
    });
    afterAll(async () => {
      await (t.redis as Redis).flushdb();
      await t.close();
    });

    it('after 5 failures no spelling of the name MySQL would match gets fresh guesses', async () => {
      const victim = await createUser(t, 'victim');
      for (let i = 0; i < 5; i++) {
        expect((await login(t, victim, 'wrong-password-1', `10.4.0.${i}`)).statusCode).toBe(401);
      }
      const variants = [
        victim,
        `${victim} `,
        `${victim}  `,
        victim.toUpperCase(),
        victim.replace('victim', 'vìctim'),
        victim.replace('victim', 'vi\u0301ctim'),
        ` ${victim}`,
      ];
      for (const name of variants) {
        const res = await login(t, name, 'wrong-password-2', '10.4.1.1');
        expect([name, res.statusCode]).toEqual([name, 429]);
        expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      }
      // Even the right password waits for the window.
      expect((await login(t, victim, PASSWORD, '10.4.1.2')).statusCode).toBe(429);
    });

    it('a name that is not exactly the account never logs in as it', async () => {
      const user = await createUser(t, 'exact');
      expect((await login(t, `${user} `, PASSWORD, '10.5.0.1')).statusCode).toBe(401);
      expect((await login(t, user.replace('e', 'é'), PASSWORD, '10.5.0.2')).statusCode).toBe(401);
      expect(ADMIN_USERNAME.test(`${user} `)).toBe(false);
      expect((await login(t, user, PASSWORD, '10.5.0.3')).statusCode).toBe(200);
    });

    it('25 concurrent wrong logins with a limit of 5: exactly 5 x 401, then 429s', async () => {
      const user = await createUser(t, 'burst');
      const results = await Promise.all(
        Array.from({ length: 25 }, (_, i) =>
          login(t, i % 2 ? user : user.toUpperCase(), 'wrong-password-3', '10.6.0.1'),
        ),
      );
      const codes = results.map((r) => r.statusCode);
      expect(codes.filter((c) => c === 401)).toHaveLength(5);
      expect(codes.filter((c) => c === 429)).toHaveLength(20);
    });

    it('change-password shares the budget: it is no unthrottled password oracle (item 13)', async () => {
      const user = await createUser(t, 'oracle', AdminRole.VIEWER);
      const token = (await login(t, user, PASSWORD, '10.7.0.1')).json().accessToken as string;
      const change = (currentPassword: string) =>
        t.app.inject({
          method: 'POST',
          url: CHANGE,
          payload: { currentPassword, newPassword: 'a-brand-new-password-1' },
          headers: { authorization: `Bearer ${token}` },
          remoteAddress: '10.7.0.2',
        });
      for (let i = 0; i < 5; i++) expect((await change(`guess-number-${i}`)).statusCode).toBe(400);
      const blocked = await change(PASSWORD);
      expect(blocked.statusCode).toBe(429);
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
      expect((await login(t, user, PASSWORD, '10.7.0.3')).statusCode).toBe(429);
    });
  });

  describe('admin rate limit (item 5)', () => {
    let t: TestApp;
    let token: string;
    const me = (url: string, authorization?: string, ip = '10.8.0.1') =>
      t.app.inject({
        method: 'GET',
        url,
        headers: authorization ? { authorization } : {},
        remoteAddress: ip,
      });

    beforeAll(async () => {
      t = await createTestApp({ ADMIN_RATE_LIMIT: '4', ADMIN_RATE_WINDOW_SECONDS: '60' });
    });
    beforeEach(async () => {
      await (t.redis as Redis).flushdb();
      token = await adminToken(t.app);
    });
    afterAll(async () => {
      await (t.redis as Redis).flushdb(); // blocked buckets must not outlive this suite
      await t.close();
    });

    it('a percent-encoded path reaches the same handler and is counted', async () => {
      const statuses: number[] = [];
      for (const url of ['/%61pi/v1/admin/auth/me', ME, '/api/v1/%61dmin/auth/me', ME, ME]) {
        statuses.push((await me(url, `Bearer ${token}`)).statusCode);
      }
      expect(statuses).toEqual([200, 200, 200, 200, 429]);
    });

    it('an account is one budget whatever token it holds; junk tokens are limited per IP', async () => {
      const second = await adminToken(t.app);
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        statuses.push((await me(ME, `Bearer ${i % 2 ? token : second}`)).statusCode);
      }
      expect(statuses).toEqual([200, 200, 200, 200, 429]);

      const before = (await (t.redis as Redis).keys('*')).length;
      const junk: number[] = [];
      for (let i = 0; i < 8; i++) {
        const res = await me(ME, `Bearer ${randomBytes(24).toString('base64url')}`, '10.8.0.9');
        junk.push(res.statusCode);
      }
      expect(junk).toEqual([401, 401, 401, 401, 429, 429, 429, 429]);
      // One bucket for the IP (hits + block keys), none per junk token.
      expect((await (t.redis as Redis).keys('*')).length - before).toBeLessThanOrEqual(2);
      // Another address is not affected.
      expect((await me(ME, 'Bearer junk', '10.8.0.10')).statusCode).toBe(401);
    });
  });

  describe('JWT without exp (item 13)', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp();
    });
    afterAll(() => t.close());

    it('is refused even when correctly signed', async () => {
      const admin = await t.db
        .getRepository(AdminUser)
        .findOneByOrFail({ username: TEST_ENV.ADMIN_BOOTSTRAP_USERNAME });
      const claims = {
        sub: String(admin.id),
        username: admin.username,
        role: admin.role,
        ver: admin.tokenVersion,
      };
      const signer = new JwtService({ secret: TEST_ENV.JWT_SECRET });
      const forever = signer.sign(claims);
      expect(
        JSON.parse(Buffer.from(forever.split('.')[1], 'base64url').toString()),
      ).not.toHaveProperty('exp');
      const res = await t.app.inject({
        method: 'GET',
        url: ME,
        headers: { authorization: `Bearer ${forever}` },
      });
      expect(res.statusCode).toBe(401);
      const bounded = signer.sign(claims, { expiresIn: 60 });
      expect(
        (
          await t.app.inject({
            method: 'GET',
            url: ME,
            headers: { authorization: `Bearer ${bounded}` },
          })
        ).statusCode,
      ).toBe(200);
    });
  });

  describe('roles are deny-by-default (item 12)', () => {
    @Controller('api/v1/admin/undeclared')
    class UndeclaredController {
      @Get()
      open(): { ok: boolean } {
        return { ok: true };
      }
    }

    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({}, { controllers: [UndeclaredController] });
    });
    afterAll(() => t.close());

    it('a route without @Roles or @AnyAdmin serves no role, not even ADMIN', async () => {
      for (const role of [AdminRole.ADMIN, AdminRole.MARKETER, AdminRole.CLERK, AdminRole.VIEWER]) {
        const token = await adminToken(t.app, role);
        const res = await t.app.inject({
          method: 'GET',
          url: '/api/v1/admin/undeclared',
          headers: { authorization: `Bearer ${token}` },
        });
        expect([role, res.statusCode]).toEqual([role, 403]);
      }
    });

    it('every route of the app says who may call it (@Public, @Roles or @AnyAdmin)', () => {
      const reflector = t.app.get(Reflector);
      const scanner = t.app.get(MetadataScanner);
      const undeclared: string[] = [];
      let routes = 0;
      for (const wrapper of t.app.get(DiscoveryService).getControllers()) {
        const cls = wrapper.metatype as Type | undefined;
        if (!cls || cls === UndeclaredController || !wrapper.instance) continue;
        const proto = Object.getPrototypeOf(wrapper.instance) as Record<string, () => unknown>;
        for (const name of scanner.getAllMethodNames(proto)) {
          const handler = proto[name];
          if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
          routes += 1;
          const declared = [IS_PUBLIC_KEY, ROLES_KEY, ANY_ADMIN_KEY].some(
            (key) =>
              reflector.get(key, handler) !== undefined || reflector.get(key, cls) !== undefined,
          );
          if (!declared) undeclared.push(`${cls.name}.${name}`);
        }
      }
      expect(routes).toBeGreaterThan(25);
      expect(undeclared).toEqual([]);
    });
  });
});
