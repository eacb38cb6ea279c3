import { validateEnvironment } from '../config/env.validation';
import { parseClusterNodes } from './cluster-nodes';

const base = {
  DATABASE_URL: 'mysql://root@127.0.0.1:3306/wxcoupon',
  WECHAT_APP_ID: 'wx5823bf96d3bd56c7',
  WECHAT_APP_SECRET: 'secret-secret',
  WECHAT_TOKEN: 'QDG6eK',
  JWT_SECRET: 'x'.repeat(32),
  ADMIN_BOOTSTRAP_USERNAME: 'admin',
  ADMIN_BOOTSTRAP_PASSWORD: 'long-enough-password',
  PII_ENCRYPTION_KEY: 'ab'.repeat(32),
};

describe('REDIS_CLUSTER_NODES', () => {
  it('parses host:port pairs, tolerating spaces', () => {
    expect(parseClusterNodes(' 10.0.0.1:7000, redis-b:7001 ,')).toEqual([
      { host: '10.0.0.1', port: 7000 },
      { host: 'redis-b', port: 7001 },
    ]);
  });

  it.each(['10.0.0.1', ':7000', 'a:0', 'a:70000', ','])('refuses %p', (bad) => {
    expect(() => parseClusterNodes(bad)).toThrow(/REDIS_CLUSTER_NODES/);
  });

  it('makes REDIS_URL optional when set, and is validated at boot', () => {
    const env = validateEnvironment({ ...base, REDIS_CLUSTER_NODES: '127.0.0.1:7000' });
    expect(env.REDIS_CLUSTER_NODES).toBe('127.0.0.1:7000');
    expect(() => validateEnvironment(base)).toThrow(/- REDIS_URL:/);
    expect(() => validateEnvironment({ ...base, REDIS_CLUSTER_NODES: 'nope' })).toThrow(
      /- REDIS_CLUSTER_NODES:/,
    );
  });
});
