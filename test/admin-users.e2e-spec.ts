import { randomBytes } from 'node:crypto';
import { adminToken } from './support/admin-client';
import { createTestApp, resetState, type TestApp } from './support/test-app';

const USERS = '/api/v1/admin/users';
const LOGIN = '/api/v1/admin/auth/login';
const ME = '/api/v1/admin/auth/me';

describe('admin users, passwords and login throttling (e2e)', () => {
  let t: TestApp;
  let admin: string;
  const prefix = `u${randomBytes(3).toString('hex')}`;

  beforeAll(async () => {
    t = await createTestApp({
      LOG_LEVEL: 'error',
      COUPON_EXPIRY_INTERVAL_SECONDS: '0',
      LOGIN_MAX_FAILURES_PER_USERNAME: '3',
      LOGIN_MAX_FAILURES_PER_IP: '6',
    });
    await resetState(t);
    admin = await adminToken(t.app);
  });
  afterAll(() => t.close());

  const call = (
    method: 'GET' | 'POST',
    url: string,
    token?: string,
    payload?: object,
    ip?: string,
  ) =>
    t.app.inject({
      method,
      url,
      payload,
      remoteAddress: ip,
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
  const login = (username: string, password: string, ip = '10.0.0.1') =>
    call('POST', LOGIN, undefined, { username, password }, ip);
  const tokenOf = async (username: string, password: string) => {
    const res = await login(username, password, '10.9.9.9');
    expect(res.statusCode).toBe(200);
    return res.json<{ accessToken: string }>().accessToken;
  };

  it('ADMIN creates (201), lists, disables and enables users; tokens die on disable', async () => {
    const created = await call('POST', USERS, admin, {
      username: `${prefix}_clerk`,
      password: 'clerk-password-123',
      role: 'CLERK',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      username: `${prefix}_clerk`,
      role: 'CLERK',
      disabled: false,
    });
    expect(created.json()).not.toHaveProperty('passwordHash');
    const id = created.json().id as number;
    const dup = await call('POST', USERS, admin, {
      username: `${prefix}_clerk`,
      password: 'x'.repeat(12),
      role: 'CLERK',
    });
    expect(dup.statusCode).toBe(409);
    const bad = await call('POST', USERS, admin, {
      username: 'a',
      password: 'short',
      role: 'ROOT',
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json<{ details: { field: string }[] }>()
        .details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(['password', 'role', 'username']);

    const list = await call('GET', USERS, admin);
    expect(list.json<{ id: number }[]>().map((u: { id: number }) => u.id)).toContain(id);

    const clerk = await tokenOf(`${prefix}_clerk`, 'clerk-password-123');
    expect((await call('GET', ME, clerk)).statusCode).toBe(200);
    expect((await call('POST', `${USERS}/${id}/disable`, admin)).json()).toMatchObject({
      disabled: true,
    });
    expect((await call('GET', ME, clerk)).statusCode).toBe(401);
    expect((await login(`${prefix}_clerk`, 'clerk-password-123', '10.9.9.9')).statusCode).toBe(401);
    expect((await call('POST', `${USERS}/${id}/enable`, admin)).json()).toMatchObject({
      disabled: false,
    });
    expect((await call('GET', ME, clerk)).statusCode).toBe(401); // still revoked: log in anew
    expect((await call('POST', `${USERS}/999999/disable`, admin)).statusCode).toBe(404);
    const self = (await call('GET', ME, admin)).json().id as number;
    expect((await call('POST', `${USERS}/${self}/disable`, admin)).statusCode).toBe(409);
  });

  it('reset password (ADMIN) and change own password (any role) end existing tokens', async () => {
    const id = (
      await call('POST', USERS, admin, {
        username: `${prefix}_v`,
        password: 'viewer-password-1',
        role: 'VIEWER',
      })
    ).json().id as number;
    const before = await tokenOf(`${prefix}_v`, 'viewer-password-1');
    const reset = await call('POST', `${USERS}/${id}/reset-password`, admin, {
      newPassword: 'viewer-password-2',
    });
    expect(reset.statusCode).toBe(204);
    expect((await call('GET', ME, before)).statusCode).toBe(401);
    const mine = await tokenOf(`${prefix}_v`, 'viewer-password-2');
    const wrong = await call('POST', '/api/v1/admin/auth/change-password', mine, {
      currentPassword: 'nope-nope-nope',
      newPassword: 'viewer-password-3',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().details[0].field).toBe('currentPassword');
    const changed = await call('POST', '/api/v1/admin/auth/change-password', mine, {
      currentPassword: 'viewer-password-2',
      newPassword: 'viewer-password-3',
    });
    expect(changed.statusCode).toBe(204);
    expect((await call('GET', ME, mine)).statusCode).toBe(401);
    await tokenOf(`${prefix}_v`, 'viewer-password-3');
  });

  it('throttles failed logins per username and per IP with 429 + Retry-After', async () => {
    const user = `${prefix}_m`;
    await call('POST', USERS, admin, {
      username: user,
      password: 'marketer-password',
      role: 'MARKETER',
    });
    for (let i = 0; i < 3; i++)
      expect((await login(user, 'wrong-password', '10.1.1.1')).statusCode).toBe(401);
    const blocked = await login(user, 'marketer-password', '10.1.1.2');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json()).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);

    // One address spraying many usernames.
    for (let i = 0; i < 6; i++) await login(`${prefix}_nobody${i}`, 'wrong-password', '10.2.2.2');
    expect((await login(`${prefix}_v`, 'viewer-password-3', '10.2.2.2')).statusCode).toBe(429);
    expect((await login(`${prefix}_v`, 'viewer-password-3', '10.3.3.3')).statusCode).toBe(200);
  });
});
