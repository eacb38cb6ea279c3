import { looksLikeLocation, safeReturnPath } from './return-path';

describe('return-path normalisation (OAuth state)', () => {
  it.each([
    ['/coupons?tab=1', '/coupons?tab=1'],
    ['/coupons#list', '/coupons#list'],
    ['/a/./b/../c', '/a/c'],
    ['/', '/'],
  ])('keeps the same-origin path %j as %j', (state, path) => {
    expect(safeReturnPath(state)).toBe(path);
  });

  it.each([
    ['//evil.com', 'protocol-relative'],
    ['/\\evil.com', 'backslash'],
    ['https://evil.com/x', 'absolute URL'],
    ['javascript:alert(1)', 'scheme'],
    ['coupons', 'not rooted'],
    ['/a\nb', 'control character'],
    ['', 'empty'],
  ])('refuses %j (%s)', (state) => {
    expect(safeReturnPath(state)).toBeNull();
  });

  it('tells a location from an opaque state value', () => {
    expect(looksLikeLocation('/coupons')).toBe(true);
    expect(looksLikeLocation('\\x')).toBe(true);
    expect(looksLikeLocation('https://x')).toBe(true);
    expect(looksLikeLocation('abc123')).toBe(false);
  });
});
