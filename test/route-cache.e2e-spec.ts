import { CouponTemplateService } from '@app/coupon';
import { createTestApp, resetState, type TestApp } from './support/test-app';
import { activeTemplate } from './support/templates';
import { codeIn, wxClient } from './support/wx-client';
import { WechatSimulator } from './support/wechat-simulator';
import { TEST_ENV } from './setup/test-env';

const safe = new WechatSimulator({
  token: TEST_ENV.WECHAT_TOKEN,
  appId: TEST_ENV.WECHAT_APP_ID,
  encodingAesKey: TEST_ENV.WECHAT_ENCODING_AES_KEY,
});

/**
 * Keyword and menu routes are remembered per instance (no lookup round trip per claim, issue #9);
 * the claim script confirms the template still owns the route, so another instance's changes are
 * never answered from a stale memory.
 */
describe('route cache across instances (real Redis + MariaDB)', () => {
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    a = await createTestApp();
    b = await createTestApp();
  });
  beforeEach(() => resetState(a));
  afterAll(async () => {
    await a.close();
    await b.close();
  });

  const issuedFor = async (templateId: number): Promise<number> => {
    const [{ n }] = await a.db.query<{ n: string }[]>(
      'SELECT COUNT(*) AS n FROM coupon WHERE template_id = ?',
      [templateId],
    );
    return Number(n);
  };

  it('a keyword handed to a new campaign on instance A is claimed from it on instance B', async () => {
    const first = await activeTemplate(a.app, { keyword: '换季券', name: '春季券' });
    // B learns 换季券 -> first.
    expect(codeIn(await wxClient(b).send(safe, safe.text('o-rc-1', '换季券')))).toBeDefined();
    // A ends it and gives the keyword to a new campaign; B is not told.
    await a.app.get(CouponTemplateService).transition(first.id, 'end');
    const second = await activeTemplate(a.app, { keyword: '换季券', name: '夏季券' });

    const reply = await wxClient(b).send(safe, safe.text('o-rc-2', '换季券'));
    expect(codeIn(reply)).toBeDefined();
    expect(reply).toContain('夏季券');
    expect(await issuedFor(first.id)).toBe(1);
    expect(await issuedFor(second.id)).toBe(1);
  });

  it('a paused campaign still owns its keyword; a removed route falls back to help', async () => {
    const tpl = await activeTemplate(a.app, { keyword: '暂停券', name: '暂停券' });
    expect(codeIn(await wxClient(b).send(safe, safe.text('o-rc-3', '暂停券')))).toBeDefined();
    await a.app.get(CouponTemplateService).transition(tpl.id, 'pause');
    expect(await wxClient(b).send(safe, safe.text('o-rc-4', '暂停券'))).toContain('暂停中');
    await a.app.get(CouponTemplateService).transition(tpl.id, 'end');
    expect(await wxClient(b).send(safe, safe.text('o-rc-5', '暂停券'))).toContain('发送活动关键词');
    expect(await issuedFor(tpl.id)).toBe(1);
  });
});
