import { createCipheriv } from 'node:crypto';
import { WechatCryptoError, WechatMessageCrypto } from './wechat-message-crypto';

/**
 * Vector A — official Official-Account WXBizMsgCrypt Python sample (Tencent, jonyqin 2014),
 * mirrored at charlesXu86/Chatbot_CN Chatbot_Web/impl/weixin/Sample.py.
 */
const MP = {
  token: 'spamtest',
  encodingAesKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
  appId: 'wx2c2769f8efd9abc2',
  timestamp: '1409735669',
  nonce: '1320562132',
  msgSignature: '5d197aaffba7e9b25a30732f161a50dee96bd5fa',
  encrypt:
    'hyzAe4OzmOMbd6TvGdIOO6uBmdJoD0Fk53REIHvxYtJlE2B655HuD0m8KUePWB3+LrPXo87wzQ1QLvbeUgmBM4x6F8PGHQHFVAFmOD2LdJF9FrXpbUAh0B5GIItb52sn896wVsMSHGuPE328HnRGBcrS7C41IzDWyWNlZkyyXwon8T332jisa+h6tEDYsVticbSnyU8dKOIbgU6ux5VTjg3yt+WGzjlpKn6NPhRjpA912xMezR4kw6KWwMrCVKSVCZciVGCgavjIQ6X8tCOp3yZbGpy0VxpAe+77TszTfRd5RJSVO/HTnifJpXgCSUdUue1v6h0EIBYYI1BD1DlD+C0CR8e6OewpusjZ4uBl9FyJvnhvQl+q5rv1ixrcpCumEPo5MJSgM9ehVsNPfUM669WuMyVWQLCzpu9GhglF2PE=',
  // Not printed by the sample; recovered by decrypting and pinned here as a regression value.
  random: Buffer.from('89465c840c5f116f', 'utf8'),
  plain:
    '<xml><ToUserName><![CDATA[gh_10f6c3c3ac5a]]></ToUserName>\n' +
    '<FromUserName><![CDATA[oyORnuP8q7ou2gfYjqLzSIWZf0rs]]></FromUserName>\n' +
    '<CreateTime>1409735668</CreateTime>\n' +
    '<MsgType><![CDATA[text]]></MsgType>\n' +
    '<Content><![CDATA[abcdteT]]></Content>\n' +
    '<MsgId>6054768590064713728</MsgId>\n' +
    '</xml>',
};

/**
 * Vector B — Tencent's WXBizMsgCrypt C# sample, Sample.cs (sToken "QDG6eK", sAppID
 * "wx5823bf96d3bd56c7"); the same request is reproduced in the WeCom callback crypto docs.
 * The constants are shared by the Official Account and WeCom samples; the scheme is identical.
 */
const QY = {
  token: 'QDG6eK',
  encodingAesKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
  appId: 'wx5823bf96d3bd56c7',
  timestamp: '1409659813',
  nonce: '1372623149',
  msgSignature: '477715d11cdb4164915debcba66cb864d751f3e6',
  encrypt:
    'RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==',
  random: Buffer.from('0960688932c47ef1', 'utf8'),
  plain:
    '<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName>\n' +
    '<FromUserName><![CDATA[mycreate]]></FromUserName>\n' +
    '<CreateTime>1409659813</CreateTime>\n' +
    '<MsgType><![CDATA[text]]></MsgType>\n' +
    '<Content><![CDATA[hello]]></Content>\n' +
    '<MsgId>4561255354251345929</MsgId>\n' +
    '<AgentID>218</AgentID>\n' +
    '</xml>',
};

/**
 * Vector C — wechatpy/wechatpy tests/test_crypto.py test_encrypt_message: encryption with the
 * random prefix mocked to "1234567890123456", published ciphertext and MsgSignature.
 */
const WECHATPY = {
  token: '123456',
  encodingAesKey: 'kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aR',
  appId: 'wx49f0ab532d5d035a',
  timestamp: '1411525903',
  nonce: '461056294',
  random: Buffer.from('1234567890123456', 'utf8'),
  plain:
    '<xml>\n<MsgType><![CDATA[text]]></MsgType>\n<Content><![CDATA[test]]></Content>\n' +
    '<FromUserName><![CDATA[wx49f0ab532d5d035a]]></FromUserName>\n' +
    '<ToUserName><![CDATA[messense]]></ToUserName>\n<AgentID>1</AgentID>\n' +
    '<CreateTime>1411525903</CreateTime>\n</xml>',
  msgSignature: '407518b7649e86ef23978113f92d27afa9296533',
  encrypt:
    '9s4gMv99m88kKTh/H8IdkOiMg6bisoy3ypwy9H4hvSPe9nsGaqyw5hhSjdYbcrKk+j3nba4HMOTzHrluLBYqxgNcBqGsL8GqxlhZgURnAtObvesEl5nZ+uBE8bviY0LWke8Zy9V/QYKxNV2FqllNXcfmstttyIkMKCCmVbCFM2JTF5wY0nFhHZSjPUL2Q1qvSUCUld+/WIXrx0oyKQmpB6o8NRrrNrsDf03oxI1p9FxUgMnwKKZeOA/uu+2IEvEBtb7muXsVbwbgX05UPPJvFurDXafG0RQyPR+mf1nDnAtQmmNOuiR5MIkdQ39xn1vWwi1O5oazPoQJz0nTYjxxEE8kv3kFxtAGVRe3ypD3WeK2XeFYFMNMpatF9XiKzHo3',
};

/**
 * Vector D — Tencent's Official Account Java sample test WXBizMsgCryptTest.java (package
 * com.qq.weixin.mp.aes), mirrored at Wyl015/wuyiling
 * work-test/src/main/resources/Utils/aes/WXBizMsgCryptTest.java: encryption with the fixed
 * random string "aaaabbbbccccdddd" and the published ciphertexts afterAesEncrypt / afterAesEncrypt2.
 */
const MP_JAVA = {
  token: 'pamtest',
  encodingAesKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
  appId: 'wxb11529c136998cb6',
  random: Buffer.from('aaaabbbbccccdddd', 'utf8'),
  cases: [
    {
      plain: '我是中文abcd123',
      encrypt:
        'jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==',
    },
    {
      plain:
        '<xml><ToUserName><![CDATA[oia2Tj我是中文jewbmiOUlr6X-1crbLOvLw]]></ToUserName><FromUserName><![CDATA[gh_7f083739789a]]></FromUserName><CreateTime>1407743423</CreateTime><MsgType><![CDATA[video]]></MsgType><Video><MediaId><![CDATA[eYJ1MbwPRJtOvIEabaxHs7TX2D-HV71s79GUxqdUkjm6Gs2Ed1KF3ulAOA9H1xG0]]></MediaId><Title><![CDATA[testCallBackReplyVideo]]></Title><Description><![CDATA[testCallBackReplyVideo]]></Description></Video></xml>',
      encrypt:
        'jn1L23DB+6ELqJ+6bruv23M2GmYfkv0xBh2h+XTBOKVKcgDFHle6gqcZ1cZrk3e1qjPQ1F4RsLWzQRG9udbKWesxlkupqcEcW7ZQweImX9+wLMa0GaUzpkycA8+IamDBxn5loLgZpnS7fVAbExOkK5DYHBmv5tptA9tklE/fTIILHR8HLXa5nQvFb3tYPKAlHF3rtTeayNf0QuM+UW/wM9enGIDIJHF7CLHiDNAYxr+r+OrJCmPQyTy8cVWlu9iSvOHPT/77bZqJucQHQ04sq7KZI27OcqpQNSto2OdHCoTccjggX5Z9Mma0nMJBU+jLKJ38YB1fBIz+vBzsYjrTmFQ44YfeEuZ+xRTQwr92vhA9OxchWVINGC50qE/6lmkwWTwGX9wtQpsJKhP+oS7rvTY8+VdzETdfakjkwQ5/Xka042OlUb1/slTwo4RscuQ+RdxSGvDahxAJ6+EAjLt9d8igHngxIbf6YyqqROxuxqIeIch3CssH/LqRs+iAcILvApYZckqmA7FNERspKA5f8GoJ9sv8xmGvZ9Yrf57cExWtnX8aCMMaBropU/1k+hKP5LVdzbWCG0hGwx/dQudYR/eXp3P0XxjlFiy+9DMlaFExWUZQDajPkdPrEeOwofJb',
    },
  ],
};

type Vector = typeof MP;

const cryptoFor = (v: Pick<Vector, 'token' | 'encodingAesKey' | 'appId'>) =>
  new WechatMessageCrypto(v.token, v.encodingAesKey, v.appId);

/** Encrypts raw bytes with the vector's key but no WeChat framing, to craft malformed payloads. */
function rawEncrypt(v: Pick<Vector, 'encodingAesKey'>, plain: Buffer): string {
  const key = Buffer.from(`${v.encodingAesKey}=`, 'base64');
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
  return Buffer.concat([cipher.update(plain), cipher.final()]).toString('base64');
}

function framed(appId: string, msg: string, pad: Buffer): Buffer {
  const body = Buffer.from(msg, 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(body.length);
  const data = Buffer.concat([Buffer.alloc(16, 7), len, body, Buffer.from(appId)]);
  return Buffer.concat([data, pad]);
}

describe('WechatMessageCrypto — published vectors', () => {
  describe.each([
    ['official MP Python sample', MP],
    ['official C# sample (QDG6eK)', QY],
    ['wechatpy test_encrypt_message', WECHATPY],
  ])('%s', (_name, v) => {
    const crypto = cryptoFor(v);

    it('verifies the published msg_signature', () => {
      expect(crypto.sign(v.timestamp, v.nonce, v.encrypt)).toBe(v.msgSignature);
    });

    it('decrypts the published ciphertext to the published plaintext', () => {
      expect(crypto.decrypt(v.encrypt)).toBe(v.plain);
    });

    it('re-encrypts the plaintext with the same random prefix to the exact published ciphertext', () => {
      expect(crypto.encrypt(v.plain, v.random)).toBe(v.encrypt);
    });
  });

  describe('official Official-Account Java sample (fixed random "aaaabbbbccccdddd")', () => {
    const crypto = cryptoFor(MP_JAVA);

    it.each(MP_JAVA.cases)(
      'encrypts to the published ciphertext and back',
      ({ plain, encrypt }) => {
        expect(crypto.encrypt(plain, MP_JAVA.random)).toBe(encrypt);
        expect(crypto.decrypt(encrypt)).toBe(plain);
      },
    );
  });

  it('handles multi-byte UTF-8 (length field counts bytes, not chars)', () => {
    // Reply text from the official C# sample: "消息长度是按字节来算的".
    const crypto = cryptoFor(QY);
    const reply =
      '<xml><ToUserName><![CDATA[mycreate]]></ToUserName><FromUserName><![CDATA[wx582测试一下中文的情况，消息长度是按字节来算的396d3bd56c7]]></FromUserName><CreateTime>1348831860</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[this is a test]]></Content><MsgId>1234567890123456</MsgId></xml>';
    expect(crypto.decrypt(crypto.encrypt(reply))).toBe(reply);
  });

  it('round-trips with a fresh random prefix each time', () => {
    const crypto = cryptoFor(MP);
    const a = crypto.encrypt(MP.plain);
    const b = crypto.encrypt(MP.plain);
    expect(a).not.toBe(b);
    expect(crypto.decrypt(a)).toBe(MP.plain);
    expect(crypto.decrypt(b)).toBe(MP.plain);
  });

  it('pads to 32-byte blocks, adding a full block when already aligned', () => {
    const crypto = cryptoFor(MP);
    // 16 random + 4 length + 18-byte appid = 38; a 26-byte message lands exactly on 64.
    const aligned = Buffer.from(crypto.encrypt('x'.repeat(26)), 'base64');
    expect(aligned.length).toBe(96); // pad value 32, a whole extra block
    const oneShort = Buffer.from(crypto.encrypt('x'.repeat(25)), 'base64');
    expect(oneShort.length).toBe(64); // pad value 1
  });
});

describe('WechatMessageCrypto — rejection', () => {
  const expectCryptoError = (fn: () => unknown, message?: RegExp) => {
    expect(fn).toThrow(WechatCryptoError);
    if (message) expect(fn).toThrow(message);
  };

  it('rejects a ciphertext addressed to another appid', () => {
    const other = new WechatMessageCrypto(MP.token, MP.encodingAesKey, 'wx0000000000000000');
    expectCryptoError(() => other.decrypt(MP.encrypt), /^appid mismatch$/);
  });

  it('rejects tampered ciphertext', () => {
    const bytes = Buffer.from(MP.encrypt, 'base64');
    bytes[bytes.length - 20] ^= 0x01; // corrupts the last block, hence the padding/appid
    expectCryptoError(() => cryptoFor(MP).decrypt(bytes.toString('base64')));
  });

  it('rejects ciphertext decrypted with the wrong key', () => {
    const wrongKey = new WechatMessageCrypto(MP.token, QY.encodingAesKey, MP.appId);
    expectCryptoError(() => wrongKey.decrypt(MP.encrypt));
  });

  it('rejects non-base64, empty and non-block-sized ciphertext', () => {
    const crypto = cryptoFor(MP);
    expectCryptoError(() => crypto.decrypt(''), /base64/);
    expectCryptoError(() => crypto.decrypt(`${MP.encrypt.slice(0, 40)}!!!!`), /base64/);
    expectCryptoError(() => crypto.decrypt(Buffer.alloc(40).toString('base64')), /block size/);
  });

  // 20-byte header + 14-byte message + 18-byte appid = 52 bytes, so 12 pad bytes fill 4 AES blocks.
  const MSG = 'x'.repeat(14);
  const inconsistentPad = () => Buffer.concat([Buffer.from([9]), Buffer.alloc(11, 12)]);

  it.each([
    ['pad byte 0', () => Buffer.alloc(12, 0)],
    ['pad byte 33', () => Buffer.alloc(12, 33)],
    ['inconsistent pad bytes', inconsistentPad],
  ])('rejects bad padding: %s', (_name, pad) => {
    const plain = framed(MP.appId, MSG, pad());
    expect(plain.length).toBe(64);
    expectCryptoError(() => cryptoFor(MP).decrypt(rawEncrypt(MP, plain)), /invalid padding/);
  });

  it('accepts the same hand-built frame with correct padding (control for the cases above)', () => {
    const plain = framed(MP.appId, MSG, Buffer.alloc(12, 12));
    expect(cryptoFor(MP).decrypt(rawEncrypt(MP, plain))).toBe(MSG);
  });

  it('rejects a declared message length larger than the payload', () => {
    const plain = framed(MP.appId, MSG, Buffer.alloc(12, 12));
    plain.writeUInt32BE(10_000, 16);
    expectCryptoError(() => cryptoFor(MP).decrypt(rawEncrypt(MP, plain)), /length/);
  });

  it('rejects a payload shorter than the 20-byte header', () => {
    const plain = Buffer.concat([Buffer.alloc(16, 7), Buffer.alloc(16, 16)]);
    expectCryptoError(() => cryptoFor(MP).decrypt(rawEncrypt(MP, plain)), /too short/);
  });

  it.each([
    ['too short', MP.encodingAesKey.slice(0, 42)],
    ['too long', `${MP.encodingAesKey}A`],
    ['with "=" padding', `${MP.encodingAesKey.slice(0, 42)}=`],
    ['non-base64 characters', `${MP.encodingAesKey.slice(0, 42)}*`],
    ['empty', ''],
  ])('rejects an EncodingAESKey that is %s', (_name, key) => {
    expect(() => new WechatMessageCrypto(MP.token, key, MP.appId)).toThrow(WechatCryptoError);
  });

  it('never echoes key material in error messages', () => {
    const crypto = cryptoFor(MP);
    const bytes = Buffer.from(MP.encrypt, 'base64');
    bytes[0] ^= 0xff;
    for (const input of [bytes.toString('base64'), Buffer.alloc(48).toString('base64')]) {
      try {
        crypto.decrypt(input);
      } catch (err) {
        expect((err as Error).message).not.toContain(MP.encodingAesKey);
        expect((err as Error).message).not.toContain(MP.token);
      }
    }
  });

  it('rejects a random prefix that is not 16 bytes', () => {
    expectCryptoError(() => cryptoFor(MP).encrypt('<xml/>', Buffer.alloc(8)));
  });
});
