import { randomBytes } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import type { Repository } from 'typeorm';
import { AdminRole, AdminUser, AuthService, PasswordHasher } from '@app/admin';
import { createTestApp, type TestApp } from './support/test-app';
import { TEST_ENV } from './setup/test-env';

const LOGIN = '/api/v1/admin/auth/login';
const ME = '/api/v1/admin/auth/me';
const USERS = '/api/v1/admin/auth/users';
const PASSWORD = 'correct-horse-battery-staple';

describe('admin auth (e2e)', () => {
  let t: TestApp;
  let users: Repository<AdminUser>;
  let hasher: PasswordHasher;
  /** Same secret as the app, so we can mint tokens the app would accept (or reject on purpose). */
  const signer = new JwtService({ secret: TEST_ENV.JWT_SECRET });
  const prefix = `t${randomBytes(4).toString('hex')}`;
  const created: number[] = [];

  async function createUser(
    name: string,
    role: AdminRole,
    extra: Partial<AdminUser> = {},
  ): Promise<AdminUser> {
    const user = users.create({
      username: `${prefix}_${name}`,
      passwordHash: await hasher.hash(PASSWORD),
      role,
      ...extra,
    });
    const saved = await users.save(user);
    created.push(saved.id);
    return saved;
  }

  async function login(username: string, password = PASSWORD) {
    return t.app.inject({ method: 'POST', url: LOGIN, payload: { username, password } });
  }

  async function tokenFor(username: string, password = PASSWORD): Promise<string> {
    const res = await login(username, password);
    expect(res.statusCode).toBe(200);
    return res.json<{ accessToken: string }>().accessToken;
  }

  function get(url: string, token?: string) {
    return t.app.inject({
      method: 'GET',
      url,
      headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
    });
  }

  beforeAll(async () => {
    t = await createTestApp();
    users = t.db.getRepository(AdminUser);
    hasher = t.app.get(PasswordHasher);
  });

  afterAll(async () => {
    if (created.length > 0) await users.delete(created);
    await t?.close();
  });

  describe('login', () => {
    it('lets the bootstrap admin log in and use the token on /me', async () => {
      const res = await login(TEST_ENV.ADMIN_BOOTSTRAP_USERNAME, TEST_ENV.ADMIN_BOOTSTRAP_PASSWORD);
      expect(res.statusCode).toBe(200);
      const body = res.json<{ accessToken: string }>();
      expect(body).toEqual({
        accessToken: expect.any(String),
        expiresIn: 900, // JWT_EXPIRES_IN_SECONDS default: short-lived admin tokens
        tokenType: 'Bearer',
        role: AdminRole.ADMIN,
      });
      const header = JSON.parse(
        Buffer.from(body.accessToken.split('.')[0], 'base64url').toString(),
      );
      expect(header.alg).toBe('HS256');
      const claims = signer.decode(body.accessToken);
      expect(claims).toMatchObject({ username: 'admin', role: 'ADMIN', ver: 0 });
      expect(claims.exp - claims.iat).toBe(900);

      const me = await get(ME, body.accessToken);
      expect(me.statusCode).toBe(200);
      expect(me.json()).toEqual({ id: Number(claims.sub), username: 'admin', role: 'ADMIN' });
    });

    it('bootstraps exactly one admin even when bootstrap runs again', async () => {
      await t.app.get(AuthService).onApplicationBootstrap();
      expect(await users.countBy({ username: TEST_ENV.ADMIN_BOOTSTRAP_USERNAME })).toBe(1);
    });

    it('rejects a wrong password, an unknown user and a disabled user with the same 401', async () => {
      const marketer = await createUser('mk', AdminRole.MARKETER);
      const disabled = await createUser('off', AdminRole.MARKETER, { disabled: true });
      const expected = {
        statusCode: 401,
        error: 'Unauthorized',
        message: 'Invalid username or password',
      };
      for (const res of [
        await login(marketer.username, 'wrong-password-123'),
        await login(`${prefix}_nobody`),
        await login(disabled.username),
      ]) {
        expect(res.statusCode).toBe(401);
        expect(res.json()).toEqual(expected);
      }
      // The right password still works for the enabled user.
      expect((await login(marketer.username)).statusCode).toBe(200);
    });

    it('rejects an invalid body with per-field messages in the standard format', async () => {
      const missing = await t.app.inject({
        method: 'POST',
        url: LOGIN,
        payload: { username: 'admin' },
      });
      expect(missing.statusCode).toBe(400);
      const body = missing.json();
      expect(body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      expect(body.message).toMatch(/^Validation failed: .*password/);
      expect(body.details).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ field: 'password', errors: expect.any(Array) }),
        ]),
      );

      const extra = await t.app.inject({
        method: 'POST',
        url: LOGIN,
        payload: { username: 'admin', password: 'admin-password-123', role: 'ADMIN' },
      });
      expect(extra.statusCode).toBe(400);
      expect(extra.json().details).toEqual([
        { field: 'role', errors: ['property role should not exist'] },
      ]);

      const wrongType = await t.app.inject({
        method: 'POST',
        url: LOGIN,
        payload: { username: 42, password: '' },
      });
      expect(wrongType.statusCode).toBe(400);
      const fields = wrongType.json<{ details: { field: string }[] }>().details.map((d) => d.field);
      expect(fields.sort()).toEqual(['password', 'username']);
    });
  });

  describe('guard', () => {
    it('answers 401 without a token, with a garbage token or a non-Bearer scheme', async () => {
      const none = await get(ME);
      expect(none.statusCode).toBe(401);
      expect(none.json()).toEqual({
        statusCode: 401,
        error: 'Unauthorized',
        message: 'Missing bearer token',
      });
      expect(none.headers['www-authenticate']).toBe('Bearer');

      const garbage = await get(ME, 'not.a.jwt');
      expect(garbage.statusCode).toBe(401);
      expect(garbage.json()).toMatchObject({
        error: 'Unauthorized',
        message: 'Invalid access token',
      });

      const token = await tokenFor(
        TEST_ENV.ADMIN_BOOTSTRAP_USERNAME,
        TEST_ENV.ADMIN_BOOTSTRAP_PASSWORD,
      );
      const basic = await t.app.inject({
        method: 'GET',
        url: ME,
        headers: { authorization: `Basic ${token}` },
      });
      expect(basic.statusCode).toBe(401);
    });

    it('rejects an expired token', async () => {
      const admin = await users.findOneByOrFail({ username: TEST_ENV.ADMIN_BOOTSTRAP_USERNAME });
      const now = Math.floor(Date.now() / 1000);
      const expired = signer.sign({
        sub: String(admin.id),
        username: admin.username,
        role: admin.role,
        ver: admin.tokenVersion,
        iat: now - 7200,
        exp: now - 60,
      });
      const res = await get(ME, expired);
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({
        statusCode: 401,
        error: 'Unauthorized',
        message: 'Access token expired',
      });

      // Control: the same claims, unexpired, are accepted, so it really was the expiry.
      const fresh = signer.sign(
        { sub: String(admin.id), username: admin.username, role: admin.role, ver: 0 },
        { expiresIn: 60 },
      );
      expect((await get(ME, fresh)).statusCode).toBe(200);
    });

    it('rejects tokens signed with another secret, unsigned tokens, and unknown users', async () => {
      const admin = await users.findOneByOrFail({ username: TEST_ENV.ADMIN_BOOTSTRAP_USERNAME });
      const claims = { sub: String(admin.id), username: 'admin', role: 'ADMIN', ver: 0 };
      const forged = new JwtService({ secret: 'another-secret-another-secret-0123456789' }).sign(
        claims,
        { expiresIn: 60 },
      );
      expect((await get(ME, forged)).statusCode).toBe(401);

      const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
      const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`;
      expect((await get(ME, unsigned)).statusCode).toBe(401);

      const ghost = signer.sign({ ...claims, sub: '4000000000' }, { expiresIn: 60 });
      expect((await get(ME, ghost)).statusCode).toBe(401);
    });

    it("revokes a disabled user's existing token", async () => {
      const user = await createUser('clerk', AdminRole.CLERK);
      const token = await tokenFor(user.username);
      expect((await get(ME, token)).json()).toEqual({
        id: user.id,
        username: user.username,
        role: 'CLERK',
      });

      await users.update(user.id, { disabled: true });
      const res = await get(ME, token);
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
    });

    it('revokes tokens issued before token_version was bumped', async () => {
      const user = await createUser('bump', AdminRole.MARKETER);
      const old = await tokenFor(user.username);
      expect((await get(ME, old)).statusCode).toBe(200);

      await users.increment({ id: user.id }, 'tokenVersion', 1);
      expect((await get(ME, old)).statusCode).toBe(401);

      const renewed = await tokenFor(user.username);
      expect(signer.decode(renewed).ver).toBe(1);
      expect((await get(ME, renewed)).statusCode).toBe(200);
    });

    it('enforces @Roles: VIEWER may use /me but gets 403 on the ADMIN-only user list', async () => {
      const viewer = await createUser('viewer', AdminRole.VIEWER);
      const token = await tokenFor(viewer.username);
      expect((await get(ME, token)).json()).toMatchObject({ role: 'VIEWER' });

      const res = await get(USERS, token);
      expect(res.statusCode).toBe(403);
      expect(res.json()).toEqual({
        statusCode: 403,
        error: 'Forbidden',
        message: 'Role VIEWER may not perform this action',
      });
      expect((await get(USERS)).statusCode).toBe(401);
    });

    it('lets ADMIN list users without ever exposing password hashes', async () => {
      const viewer = await createUser('listed', AdminRole.VIEWER);
      const token = await tokenFor(
        TEST_ENV.ADMIN_BOOTSTRAP_USERNAME,
        TEST_ENV.ADMIN_BOOTSTRAP_PASSWORD,
      );
      const res = await get(USERS, token);
      expect(res.statusCode).toBe(200);
      const list = res.json<Record<string, unknown>[]>();
      expect(list).toContainEqual({
        id: viewer.id,
        username: viewer.username,
        role: 'VIEWER',
        disabled: false,
        createdAt: viewer.createdAt.toISOString(),
      });
      for (const u of list) {
        expect(Object.keys(u).sort()).toEqual(['createdAt', 'disabled', 'id', 'role', 'username']);
      }
      expect(res.body).not.toContain('scrypt$');
    });
  });

  describe('password hasher', () => {
    it('produces self-describing scrypt hashes that verify only the right password', async () => {
      const encoded = await hasher.hash('pässwörd-123');
      expect(encoded).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{86}==$/);
      expect(await hasher.verify('pässwörd-123', encoded)).toBe(true);
      expect(await hasher.verify('pässwörd-124', encoded)).toBe(false);
      expect(await hasher.hash('pässwörd-123')).not.toBe(encoded); // random salt
      expect(await hasher.verify('x', 'not-a-hash')).toBe(false);
      expect(await hasher.verify('x', 'scrypt$3$8$1$AAAAAAAAAAA=$AAAAAAAAAAAAAAAAAAAAAA==')).toBe(
        false,
      );
      expect(hasher.needsRehash(encoded)).toBe(false);
      expect(hasher.needsRehash(encoded.replace('$16384$', '$1024$'))).toBe(true);
    });
  });

  it('documents the auth routes in OpenAPI with bearer security on protected ones', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/docs-json' });
    expect(res.statusCode).toBe(200);
    const paths = res.json().paths;
    expect(paths[LOGIN].post.tags).toEqual(['admin-auth']);
    expect(paths[LOGIN].post.security).toBeUndefined();
    expect(paths[ME].get.security).toEqual([{ bearer: [] }]);
    expect(paths[USERS].get.responses['403']).toBeDefined();
  });
});
