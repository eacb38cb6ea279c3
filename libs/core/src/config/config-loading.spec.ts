import { Test } from '@nestjs/testing';
import { CoreConfigModule } from './config.module';
import { appConfig, databaseConfig } from './configuration';
import { validatedEnvironment } from './settings';

const valid = {
  DATABASE_URL: 'mysql://root@127.0.0.1:3306/wxcoupon',
  REDIS_URL: 'redis://127.0.0.1:6379/0',
  WECHAT_APP_ID: 'wx5823bf96d3bd56c7',
  WECHAT_APP_SECRET: 'secret-secret',
  WECHAT_TOKEN: 'QDG6eK',
  JWT_SECRET: 'x'.repeat(32),
  ADMIN_BOOTSTRAP_USERNAME: 'admin',
  ADMIN_BOOTSTRAP_PASSWORD: 'long-enough-password',
  PII_ENCRYPTION_KEY: 'ab'.repeat(32),
};

describe('settings load at module init, not at import', () => {
  const saved = { ...process.env };
  beforeEach(() => {
    for (const key of Object.keys(process.env)) delete process.env[key];
    process.env.NODE_ENV = 'test';
  });
  afterAll(() => {
    for (const key of Object.keys(process.env)) delete process.env[key];
    Object.assign(process.env, saved);
  });

  it('importing @app/core with no settings at all throws nothing', async () => {
    await expect(
      jest.isolateModulesAsync(async () => {
        await import('../index');
      }),
    ).resolves.toBeUndefined();
  });

  it('validates the environment once for every namespace, again only when it changes', () => {
    Object.assign(process.env, valid);
    const env = validatedEnvironment();
    expect(validatedEnvironment()).toBe(env);
    expect(appConfig().port).toBe(3000);
    expect(databaseConfig().poolSize).toBe(20);
    expect(validatedEnvironment()).toBe(env);
    process.env.PORT = '8081';
    expect(appConfig().port).toBe(8081);
    expect(validatedEnvironment()).not.toBe(env);
  });

  it('fails the module load (the boot) with a message naming each bad setting', async () => {
    Object.assign(process.env, valid, { DATABASE_URL: 'postgres://x', PORT: 'eighty' });
    expect(() => databaseConfig()).toThrow(/- DATABASE_URL:/);
    await expect(
      Test.createTestingModule({ imports: [CoreConfigModule] }).compile(),
    ).rejects.toThrow(/Invalid configuration:[\s\S]*- PORT:[\s\S]*- DATABASE_URL:/);
  });
});
