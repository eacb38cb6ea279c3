import { AdminRole } from '@app/admin';
import { PiiCipher, PiiDecryptionError } from '@app/core';
import { createTestApp, resetState, type TestApp } from './support/test-app';
import { adminToken } from './support/admin-client';
import { type SimulatedRequest, WechatSimulator } from './support/wechat-simulator';
import { wxClient } from './support/wx-client';
import { TEST_ENV } from './setup/test-env';

const safe = new WechatSimulator({
  token: TEST_ENV.WECHAT_TOKEN,
  appId: TEST_ENV.WECHAT_APP_ID,
  encodingAesKey: TEST_ENV.WECHAT_ENCODING_AES_KEY,
});
const plain = new WechatSimulator({ token: TEST_ENV.WECHAT_TOKEN, appId: TEST_ENV.WECHAT_APP_ID });

interface FollowerBody {
  openid: string;
  phone: string;
  phoneMasked: boolean;
}

describe('Follower phone binding: encrypted at rest, blind-index lookup, masked by role', () => {
  let t: TestApp;
  const tokens = new Map<AdminRole, string>();

  beforeAll(async () => {
    t = await createTestApp();
    for (const role of Object.values(AdminRole)) tokens.set(role, await adminToken(t.app, role));
  });
  beforeEach(async () => {
    await resetState(t);
    await t.db.query('DELETE FROM follower');
  });
  afterAll(() => t.close());

  const send = (sim: WechatSimulator, req: SimulatedRequest) => wxClient(t).send(sim, req);
  const bind = (openid: string, text: string) => send(safe, safe.text(openid, text));
  const api = (url: string, role: AdminRole = AdminRole.ADMIN) =>
    t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${tokens.get(role)}` } });
  const rawRow = async (openid: string) => {
    const rows = await t.db.query<{ phone_cipher: string; phone_index: string }[]>(
      'SELECT phone_cipher, phone_index FROM follower WHERE openid = ?',
      [openid],
    );
    return rows[0];
  };

  it('binds a phone: masked reply, no plaintext in the row, random IV per value', async () => {
    const reply = await bind('o-pii-1', '绑定手机 13800138000');
    expect(reply).toContain('绑定成功');
    expect(reply).toContain('138****8000');
    expect(reply).not.toContain('13800138000');

    expect(await bind('o-pii-2', '绑定手机 13800138000')).toContain('138****8000');
    const a = await rawRow('o-pii-1');
    const b = await rawRow('o-pii-2');
    for (const row of [a, b]) {
      expect(row.phone_cipher).toMatch(/^v1:k1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
      expect(row.phone_cipher).not.toContain('13800138000');
      expect(row.phone_cipher).not.toContain('138001');
      expect(row.phone_index).toMatch(/^[0-9a-f]{64}$/);
      expect(row.phone_index).not.toContain('13800138000');
    }
    // Same number, two encryptions: different ciphertexts (and IVs), same blind index.
    expect(a.phone_cipher).not.toBe(b.phone_cipher);
    expect(a.phone_cipher.split(':')[2]).not.toBe(b.phone_cipher.split(':')[2]);
    expect(a.phone_index).toBe(b.phone_index);
    expect(t.app.get(PiiCipher).decrypt(a.phone_cipher, 'follower.phone')).toBe('13800138000');
  });

  it('accepts a full-width space or no space after 绑定手机 (plain mode too)', async () => {
    expect(await bind('o-pii-fw', '绑定手机\u300013912345678')).toContain('139****5678');
    expect(await send(plain, plain.text('o-pii-ns', '绑定手机13700001111'))).toContain(
      '137****1111',
    );
    const [{ n }] = await t.db.query<{ n: string }[]>('SELECT COUNT(*) AS n FROM follower');
    expect(Number(n)).toBe(2);
  });

  it.each([
    ['too short', '绑定手机 1380013800'],
    ['not a mobile prefix', '绑定手机 12800138000'],
    ['letters', '绑定手机 1380013800a'],
    ['missing number', '绑定手机'],
  ])(
    'refuses an invalid number (%s) with a friendly message and writes nothing',
    async (_, text) => {
      const reply = await bind('o-pii-bad', text);
      expect(reply).toContain('手机号格式不正确');
      expect(reply).toContain('绑定手机 13800138000');
      expect(await rawRow('o-pii-bad')).toBeUndefined();
    },
  );

  it('rebinding replaces the number; binding the same one again is a no-op', async () => {
    await bind('o-pii-re', '绑定手机 13800138000');
    const first = await rawRow('o-pii-re');
    expect(await bind('o-pii-re', '绑定手机 13800138000')).toContain('无需重复绑定');
    expect((await rawRow('o-pii-re')).phone_cipher).toBe(first.phone_cipher);
    const reply = await bind('o-pii-re', '绑定手机 13900139000');
    expect(reply).toContain('更换');
    expect(reply).toContain('139****9000');
    expect((await api('/api/v1/admin/followers?phone=13800138000')).json()).toEqual({ items: [] });
    const found = (await api('/api/v1/admin/followers?phone=13900139000')).json<{
      items: FollowerBody[];
    }>();
    expect(found.items.map((f) => [f.openid, f.phone])).toEqual([['o-pii-re', '13900139000']]);
  });

  it('admin lookup by phone (blind index) and by openid: full for ADMIN, masked for others', async () => {
    await bind('o-pii-a', '绑定手机 13800138000');
    await bind('o-pii-b', '绑定手机 13800138000');
    await bind('o-pii-c', '绑定手机 13600136000');

    const byPhone = await api('/api/v1/admin/followers?phone=13800138000');
    expect(byPhone.statusCode).toBe(200);
    const items = byPhone.json<{ items: FollowerBody[] }>().items;
    expect(items.map((f) => f.openid).sort()).toEqual(['o-pii-a', 'o-pii-b']);
    expect(items.every((f) => f.phone === '13800138000' && !f.phoneMasked)).toBe(true);

    const full = await api('/api/v1/admin/followers/o-pii-c');
    expect(full.statusCode).toBe(200);
    expect(full.json()).toMatchObject({
      openid: 'o-pii-c',
      phone: '13600136000',
      phoneMasked: false,
    });
    expect(full.json()).not.toHaveProperty('phoneCipher');
    expect(full.json()).not.toHaveProperty('phoneIndex');

    for (const role of [AdminRole.MARKETER, AdminRole.CLERK, AdminRole.VIEWER]) {
      const one = await api('/api/v1/admin/followers/o-pii-c', role);
      expect(one.statusCode).toBe(200);
      expect(one.json()).toMatchObject({ phone: '136****6000', phoneMasked: true });
      expect(one.body).not.toContain('13600136000');
      // A phone lookup would confirm which of the 10^4 numbers behind a mask is right.
      const list = await api('/api/v1/admin/followers?phone=13800138000', role);
      expect(list.statusCode).toBe(403);
      expect(list.body).not.toContain('o-pii-a');
    }
  });

  it('404 for an unknown openid; 400 for an invalid or missing phone filter; 401 without token', async () => {
    const unknown = await api('/api/v1/admin/followers/o-nobody');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ statusCode: 404, message: 'Follower not found' });
    for (const q of ['?phone=12345', '?phone=1380013800x', '?phone=%2B8613800138000', '']) {
      const res = await api(`/api/v1/admin/followers${q}`, AdminRole.ADMIN);
      expect(res.statusCode).toBe(400);
      expect(res.json<{ message: string }>().message).toContain('phone');
    }
    expect((await api('/api/v1/admin/followers/bad%20id')).statusCode).toBe(400);
    const anon = await t.app.inject({ method: 'GET', url: '/api/v1/admin/followers/o-pii-a' });
    expect(anon.statusCode).toBe(401);
  });

  it('a stored value under an unknown key id, or read with the wrong key, fails clearly', async () => {
    await bind('o-pii-k', '绑定手机 13800138000');
    const { phone_cipher: stored } = await rawRow('o-pii-k');
    const cipher = t.app.get(PiiCipher);
    const swapped = stored.replace(/^v1:k1:/, 'v1:k2:');
    expect(() => cipher.decrypt(swapped, 'follower.phone')).toThrow(PiiDecryptionError);
    expect(() => cipher.decrypt(swapped, 'follower.phone')).toThrow(
      'unknown PII key id "k2" (not in the keyring)',
    );
    const wrongKey = PiiCipher.fromKey('ff'.repeat(32), 'k1');
    expect(() => wrongKey.decrypt(stored, 'follower.phone')).toThrow(
      /failed authentication under key "k1"/,
    );
  });

  it('documents the endpoints and the masking rule in OpenAPI', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/docs-json' })).json<{
      paths: Record<string, Record<string, { description?: string; responses: object }>>;
    }>();
    const list = doc.paths['/api/v1/admin/followers']?.get;
    const one = doc.paths['/api/v1/admin/followers/{openid}']?.get;
    expect(list).toBeDefined();
    expect(one).toBeDefined();
    expect(one.description).toContain('ADMIN only');
    expect(Object.keys(one.responses)).toEqual(
      expect.arrayContaining(['200', '400', '401', '403', '404']),
    );
  });
});
