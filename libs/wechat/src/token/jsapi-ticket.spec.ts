import { jssdkSignature } from './jsapi-ticket.service';

describe('JS-SDK signature', () => {
  it("matches WeChat's published example", () => {
    expect(
      jssdkSignature(
        'sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg',
        'Wm3WZYTPz0wzccnW',
        1414587457,
        'http://mp.weixin.qq.com?params=value',
      ),
    ).toBe('0f9de62fce790f9a083d5c99e95740ceb90c27ed');
  });

  it('signs the url without its #fragment', () => {
    const t = 'ticket';
    expect(jssdkSignature(t, 'n', 1, 'https://a.example/h5?x=1#frag')).toBe(
      jssdkSignature(t, 'n', 1, 'https://a.example/h5?x=1'),
    );
  });
});
