import fc from 'fast-check';
import {
  buildEncryptedEnvelope,
  buildTextReply,
  buildXml,
  parseFlatMessage,
  parseWechatXml,
  parseWithXml2js,
  WechatXmlError,
} from './wechat-xml.codec';

describe('parseWechatXml', () => {
  // Inner message of the official MP WXBizMsgCrypt Python sample
  // (mirrored at charlesXu86/Chatbot_CN Chatbot_Web/impl/weixin/Sample.py).
  it('flattens a WeChat text push, unwrapping CDATA', async () => {
    const xml =
      '<xml><ToUserName><![CDATA[gh_10f6c3c3ac5a]]></ToUserName>\n' +
      '<FromUserName><![CDATA[oyORnuP8q7ou2gfYjqLzSIWZf0rs]]></FromUserName>\n' +
      '<CreateTime>1409735668</CreateTime>\n<MsgType><![CDATA[text]]></MsgType>\n' +
      '<Content><![CDATA[abcdteT]]></Content>\n<MsgId>6054768590064713728</MsgId>\n</xml>';
    await expect(parseWechatXml(xml)).resolves.toEqual({
      ToUserName: 'gh_10f6c3c3ac5a',
      FromUserName: 'oyORnuP8q7ou2gfYjqLzSIWZf0rs',
      CreateTime: '1409735668',
      MsgType: 'text',
      Content: 'abcdteT',
      MsgId: '6054768590064713728', // stays a string: exceeds Number.MAX_SAFE_INTEGER
    });
  });

  it('keeps empty elements as empty strings and JSON-stringifies nested ones', async () => {
    const xml =
      '<xml><Event><![CDATA[scancode_push]]></Event><EventKey><![CDATA[]]></EventKey>' +
      '<ScanCodeInfo><ScanType><![CDATA[qrcode]]></ScanType><ScanResult><![CDATA[1]]></ScanResult></ScanCodeInfo></xml>';
    const fields = await parseWechatXml(xml);
    expect(fields.Event).toBe('scancode_push');
    expect(fields.EventKey).toBe('');
    expect(JSON.parse(fields.ScanCodeInfo)).toEqual({ ScanType: 'qrcode', ScanResult: '1' });
  });

  it('returns {} for an empty <xml/> root', async () => {
    await expect(parseWechatXml('<xml></xml>')).resolves.toEqual({});
  });

  it.each([
    [
      'external entity (XXE)',
      '<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><xml><Content>&xxe;</Content></xml>',
    ],
    [
      'billion laughs',
      '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><xml><a>&lol2;</a></xml>',
    ],
    ['lower-case doctype', '<!doctype xml><xml><a>1</a></xml>'],
    ['bare entity declaration', '<xml><!EnTiTy x "y"><a>1</a></xml>'],
  ])('rejects %s before parsing', async (_name, xml) => {
    await expect(parseWechatXml(xml)).rejects.toThrow(WechatXmlError);
    await expect(parseWechatXml(xml)).rejects.toThrow(/DOCTYPE\/ENTITY/);
  });

  it.each([
    ['unclosed element', '<xml><Content>hi</xml>'],
    ['truncated document', '<xml><Content><![CDATA[hi'],
    ['not XML at all', 'hello'],
    ['empty string', ''],
  ])('rejects malformed XML: %s', async (_name, xml) => {
    await expect(parseWechatXml(xml)).rejects.toThrow(WechatXmlError);
  });

  it.each([
    ['other root', '<root><ToUserName>x</ToUserName></root>'],
    ['upper-case root', '<XML><ToUserName>x</ToUserName></XML>'],
    ['text-only root', '<xml>hello</xml>'],
  ])('rejects a non-<xml> root: %s', async (_name, xml) => {
    await expect(parseWechatXml(xml)).rejects.toThrow(WechatXmlError);
  });

  it('rejects duplicated top-level fields instead of picking one', async () => {
    const xml = '<xml><MsgType>text</MsgType><MsgType>event</MsgType></xml>';
    await expect(parseWechatXml(xml)).rejects.toThrow(/duplicate/);
  });

  it('does not let a __proto__ element pollute prototypes', async () => {
    await expect(parseWechatXml('<xml><__proto__>x</__proto__></xml>')).rejects.toThrow(
      WechatXmlError,
    );
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});

describe('buildXml', () => {
  it('wraps strings in CDATA and leaves numbers bare', () => {
    expect(buildXml({ MsgType: 'text', CreateTime: 1348831860 })).toBe(
      '<xml><MsgType><![CDATA[text]]></MsgType><CreateTime>1348831860</CreateTime></xml>',
    );
  });

  it('splits "]]>" so it survives CDATA and round-trips', async () => {
    const content = 'a]]>b ]]]]> <![CDATA[c]]> & < >';
    const xml = buildXml({ Content: content });
    expect(xml).toBe(
      '<xml><Content><![CDATA[a]]]]><![CDATA[>b ]]]]]]><![CDATA[> <![CDATA[c]]]]><![CDATA[> & < >]]></Content></xml>',
    );
    await expect(parseWechatXml(xml)).resolves.toEqual({ Content: content });
  });

  it('round-trips multi-byte text', async () => {
    const content = '领取优惠券 🎟️';
    await expect(parseWechatXml(buildXml({ Content: content }))).resolves.toEqual({
      Content: content,
    });
  });

  it('rejects invalid element names and non-finite numbers', () => {
    expect(() => buildXml({ 'a><b': 'x' })).toThrow(WechatXmlError);
    expect(() => buildXml({ CreateTime: Number.NaN })).toThrow(WechatXmlError);
  });
});

describe('buildTextReply', () => {
  it('builds the passive text reply WeChat documents', async () => {
    const xml = buildTextReply({
      toUser: 'oUser',
      fromUser: 'gh_test',
      content: '你好',
      createTime: 12345678,
    });
    expect(xml).toBe(
      '<xml><ToUserName><![CDATA[oUser]]></ToUserName><FromUserName><![CDATA[gh_test]]></FromUserName>' +
        '<CreateTime>12345678</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[你好]]></Content></xml>',
    );
    await expect(parseWechatXml(xml)).resolves.toMatchObject({ MsgType: 'text', Content: '你好' });
  });

  it('defaults CreateTime to now in seconds', async () => {
    const before = Math.floor(Date.now() / 1000);
    const fields = await parseWechatXml(
      buildTextReply({ toUser: 'a', fromUser: 'b', content: 'c' }),
    );
    expect(Number(fields.CreateTime)).toBeGreaterThanOrEqual(before);
    expect(Number(fields.CreateTime)).toBeLessThanOrEqual(before + 2);
  });
});

describe('buildEncryptedEnvelope', () => {
  // Field layout from wechatpy/wechatpy tests/test_crypto.py test_encrypt_message (expected XML).
  it('emits Encrypt, MsgSignature, TimeStamp (bare), Nonce in WeChat order', async () => {
    const xml = buildEncryptedEnvelope({
      encrypt: 'abc+/=',
      msgSignature: '407518b7649e86ef23978113f92d27afa9296533',
      timestamp: '1411525903',
      nonce: '461056294',
    });
    expect(xml).toBe(
      '<xml><Encrypt><![CDATA[abc+/=]]></Encrypt>' +
        '<MsgSignature><![CDATA[407518b7649e86ef23978113f92d27afa9296533]]></MsgSignature>' +
        '<TimeStamp>1411525903</TimeStamp><Nonce><![CDATA[461056294]]></Nonce></xml>',
    );
    await expect(parseWechatXml(xml)).resolves.toEqual({
      Encrypt: 'abc+/=',
      MsgSignature: '407518b7649e86ef23978113f92d27afa9296533',
      TimeStamp: '1411525903',
      Nonce: '461056294',
    });
  });

  it('refuses a non-numeric timestamp rather than emitting markup', () => {
    expect(() =>
      buildEncryptedEnvelope({ encrypt: 'x', msgSignature: 'y', timestamp: '1<a/>', nonce: 'z' }),
    ).toThrow(WechatXmlError);
  });
});

describe('parseFlatMessage (the hot-path scanner) agrees with xml2js', () => {
  const name = fc.constantFrom(
    'ToUserName',
    'FromUserName',
    'CreateTime',
    'MsgType',
    'Content',
    'MsgId',
    'Event',
    'EventKey',
    'A_1',
  );
  const value = fc.oneof(
    fc.string(),
    fc.string({ unit: 'grapheme' }),
    fc.constantFrom(' x ', '\n', ']]>', '&amp;', '<b>', ''),
  );
  const fields = fc.dictionary(name, value, { maxKeys: 9 });

  it('yields exactly what xml2js yields, or defers to it (null)', () => {
    fc.assert(
      fc.property(fields, fc.boolean(), (f, asCdata) => {
        const xml = asCdata
          ? buildXml(f)
          : `<xml>${Object.entries(f)
              .map(([k, v]) => `<${k}>${v}</${k}>`)
              .join('\n')}</xml>`;
        let expected: Record<string, string> | Error;
        try {
          expected = parseWithXml2js(xml);
        } catch (err) {
          expected = err as Error;
        }
        const fast = parseFlatMessage(xml);
        if (fast === null) return; // xml2js decides
        expect(expected).not.toBeInstanceOf(Error);
        expect(fast).toEqual(expected);
      }),
      { seed: 42, numRuns: 2000 },
    );
  });

  it('takes the fast path for what WeChat actually sends', () => {
    const xml = buildXml({
      ToUserName: 'gh_1',
      FromUserName: 'o-1',
      CreateTime: 1,
      MsgType: 'text',
      Content: '领券',
      MsgId: '7',
    });
    expect(parseFlatMessage(xml)).toEqual({
      ToUserName: 'gh_1',
      FromUserName: 'o-1',
      CreateTime: '1',
      MsgType: 'text',
      Content: '领券',
      MsgId: '7',
    });
  });
});
