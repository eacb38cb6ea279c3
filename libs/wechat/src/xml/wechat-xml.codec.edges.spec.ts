import {
  buildEncryptedEnvelope,
  buildXml,
  parseWechatXml,
  WechatXmlError,
} from './wechat-xml.codec';

/** Refusals name their reason (issue #16 mutation testing: the messages were unpinned). */
async function refusal(run: () => unknown): Promise<string> {
  try {
    await run();
  } catch (err) {
    expect(err).toBeInstanceOf(WechatXmlError);
    expect((err as Error).name).toBe('WechatXmlError');
    return (err as Error).message;
  }
  throw new Error('expected a WechatXmlError');
}

describe('WeChat XML codec edges', () => {
  it('ignores attributes on <xml>: they carry no message data', async () => {
    expect(await parseWechatXml('<xml lang="zh"><MsgType>text</MsgType></xml>')).toEqual({
      MsgType: 'text',
    });
    expect(await parseWechatXml('<xml a="1"/>')).toEqual({});
  });

  it('names the problem when the root is not <xml> or holds text', async () => {
    expect(await refusal(() => parseWechatXml('<root><a>1</a></root>'))).toBe(
      'root element must be <xml>',
    );
    expect(await refusal(() => parseWechatXml('<xml>just text</xml>'))).toBe(
      '<xml> root must contain elements',
    );
    expect(await refusal(() => parseWechatXml('<xml><a>1</b></xml>'))).toBe('malformed XML');
  });

  it('names the problem when building', async () => {
    expect(await refusal(() => buildXml({ 'bad name': 'x' }))).toBe(
      'invalid element name: bad name',
    );
    expect(await refusal(() => buildXml({ CreateTime: Number.NaN }))).toBe(
      '<CreateTime> must be a finite number',
    );
    expect(
      await refusal(() =>
        buildEncryptedEnvelope({ encrypt: 'e', msgSignature: 's', timestamp: '1e9', nonce: 'n' }),
      ),
    ).toBe('timestamp must be decimal digits');
  });
});
