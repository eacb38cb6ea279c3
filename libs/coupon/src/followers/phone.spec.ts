import { phoneBindingArgument } from '../wechat/phone-binding';
import { isMainlandMobile, maskPhone } from './phone';

describe('follower phone rules', () => {
  it('accepts 11-digit mainland mobiles starting 13-19, nothing else', () => {
    for (const ok of ['13800138000', '19912345678', '15000000000']) {
      expect(isMainlandMobile(ok)).toBe(true);
    }
    for (const bad of [
      '12800138000',
      '1380013800',
      '138001380000',
      '+8613800138000',
      '1380013800a',
    ]) {
      expect(isMainlandMobile(bad)).toBe(false);
    }
  });

  it('masks the middle four digits; a short value is masked whole', () => {
    expect(maskPhone('13800138000')).toBe('138****8000');
    expect(maskPhone('1234567')).toBe('*******');
  });

  it('reads the 绑定手机 argument after an ASCII space, a full-width space or nothing', () => {
    expect(phoneBindingArgument('绑定手机 13800138000')).toBe('13800138000');
    expect(phoneBindingArgument('绑定手机\u300013800138000')).toBe('13800138000');
    expect(phoneBindingArgument('  绑定手机13800138000 ')).toBe('13800138000');
    expect(phoneBindingArgument('绑定手机')).toBe('');
    expect(phoneBindingArgument('我要绑定手机 13800138000')).toBeNull();
  });
});
