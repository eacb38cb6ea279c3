import { sceneKey } from './coupon-message.handler';

describe('parametric QR scene key (sceneKey)', () => {
  it('subscribe: the key after qrscene_, nothing for a plain subscribe', () => {
    expect(sceneKey('qrscene_SPRING', 'subscribe')).toBe('SPRING');
    expect(sceneKey('qrscene_', 'subscribe')).toBeNull();
    expect(sceneKey('SPRING', 'subscribe')).toBeNull();
    expect(sceneKey(undefined, 'subscribe')).toBeNull();
    expect(sceneKey('', 'subscribe')).toBeNull();
  });

  it('SCAN (already a follower): the EventKey as it is', () => {
    expect(sceneKey('SPRING', 'scan')).toBe('SPRING');
    expect(sceneKey('qrscene_SPRING', 'scan')).toBe('qrscene_SPRING');
    expect(sceneKey(undefined, 'scan')).toBeNull();
  });
});
