import { signaturesMatch, wechatSignature } from './wechat-signature';

describe('wechatSignature', () => {
  // Vector: wechatpy/wechatpy tests/test_utils.py (test_check_signature_should_ok)
  it('matches the published server-verification vector', () => {
    expect(wechatSignature('test', '1410685589', 'test')).toBe(
      'f21891de399b4e33a1a93c9a7b8a8fffb5a443ff',
    );
  });

  // Vector: wechatpy/wechatpy tests/test_utils.py (test_wechat_card_signer)
  it('sorts its parts before hashing', () => {
    expect(wechatSignature('789', '456', '123')).toBe('f7c3bc1d808e04732adf679965ccc34ca7ae3441');
    expect(wechatSignature('123', '789', '456')).toBe('f7c3bc1d808e04732adf679965ccc34ca7ae3441');
  });

  // Vector: official WXBizMsgCrypt Python sample, mirrored at charlesXu86/Chatbot_CN
  // Chatbot_Web/impl/weixin/Sample.py (token spamtest, msg_sign for the Encrypt payload)
  it('produces msg_signature over token, timestamp, nonce and ciphertext', () => {
    const encrypt =
      'hyzAe4OzmOMbd6TvGdIOO6uBmdJoD0Fk53REIHvxYtJlE2B655HuD0m8KUePWB3+LrPXo87wzQ1QLvbeUgmBM4x6F8PGHQHFVAFmOD2LdJF9FrXpbUAh0B5GIItb52sn896wVsMSHGuPE328HnRGBcrS7C41IzDWyWNlZkyyXwon8T332jisa+h6tEDYsVticbSnyU8dKOIbgU6ux5VTjg3yt+WGzjlpKn6NPhRjpA912xMezR4kw6KWwMrCVKSVCZciVGCgavjIQ6X8tCOp3yZbGpy0VxpAe+77TszTfRd5RJSVO/HTnifJpXgCSUdUue1v6h0EIBYYI1BD1DlD+C0CR8e6OewpusjZ4uBl9FyJvnhvQl+q5rv1ixrcpCumEPo5MJSgM9ehVsNPfUM669WuMyVWQLCzpu9GhglF2PE=';
    expect(wechatSignature('spamtest', '1409735669', '1320562132', encrypt)).toBe(
      '5d197aaffba7e9b25a30732f161a50dee96bd5fa',
    );
  });

  it('does not mutate the caller array', () => {
    const parts = ['b', 'a'];
    wechatSignature(...parts);
    expect(parts).toEqual(['b', 'a']);
  });
});

describe('signaturesMatch', () => {
  const sig = 'f21891de399b4e33a1a93c9a7b8a8fffb5a443ff';

  it('accepts an identical signature', () => {
    expect(signaturesMatch(sig, sig)).toBe(true);
  });

  it('rejects a signature differing in the last character', () => {
    // wechatpy tests/test_utils.py test_check_signature_should_fail uses this exact forgery.
    expect(signaturesMatch(sig, 'f21891de399b4e33a1a93c9a7b8a8fffb5a443fe')).toBe(false);
  });

  it('rejects undefined, empty and length-mismatched input without throwing', () => {
    expect(signaturesMatch(sig, undefined)).toBe(false);
    expect(signaturesMatch(sig, '')).toBe(false);
    expect(signaturesMatch(sig, sig.slice(0, -1))).toBe(false);
    expect(signaturesMatch(sig, `${sig}0`)).toBe(false);
  });

  it('is case-sensitive (WeChat sends lowercase hex)', () => {
    expect(signaturesMatch(sig, sig.toUpperCase())).toBe(false);
  });
});
