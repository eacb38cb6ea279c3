import type { Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { REDIS_CLIENT, type RedisClient } from '@app/core';
import { AppModule } from '../../apps/coupon-server/src/app.module';
import { configureApp, createFastifyAdapter } from '../../apps/coupon-server/src/setup-app';
import { TEST_ENV } from '../setup/test-env';

export interface TestApp {
  app: NestFastifyApplication;
  db: DataSource;
  redis: RedisClient;
  close(): Promise<void>;
}

/** Boots the real AppModule on Fastify (same adapter + setup as main.ts); use app.inject(). */
export async function createTestApp(
  env: Record<string, string> = {},
  extra: { controllers?: Type[] } = {},
): Promise<TestApp> {
  Object.assign(process.env, TEST_ENV, env);
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule],
    controllers: extra.controllers ?? [],
  }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createFastifyAdapter(), {
    logger: ['error', 'warn'],
  });
  await configureApp(app);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  await clearAdminRateLimits(app.get<RedisClient>(REDIS_CLIENT));
  return {
    app,
    db: app.get(DataSource),
    redis: app.get<RedisClient>(REDIS_CLIENT),
    close: () => app.close(),
  };
}

/** Empties the campaign tables (admin users and audit logs stay: suites manage their own). */
export async function truncateCampaignTables(db: DataSource): Promise<void> {
  await db.query('SET FOREIGN_KEY_CHECKS = 0');
  for (const table of ['coupon_redemption', 'coupon', 'coupon_template']) {
    await db.query(`TRUNCATE TABLE ${table}`);
  }
  await db.query('SET FOREIGN_KEY_CHECKS = 1');
}

/** Empties the campaign tables and the Redis db so each suite starts clean. */
export async function resetState(t: Pick<TestApp, 'db' | 'redis'>): Promise<void> {
  await truncateCampaignTables(t.db);
  await (t.redis as { flushdb(): Promise<unknown> }).flushdb();
}

/**
 * Every suite signs in as the same bootstrap admin, whose per-account budget lives in Redis for a
 * window: a suite that lowers ADMIN_RATE_LIMIT on purpose must not leave the next one blocked.
 */
async function clearAdminRateLimits(redis: RedisClient): Promise<void> {
  const nodes = 'nodes' in redis ? redis.nodes('master') : [redis];
  for (const node of nodes) {
    let cursor = '0';
    do {
      const [next, keys] = await node.scan(cursor, 'MATCH', 'thr:{admin:*', 'COUNT', 1000);
      if (keys.length > 0) await node.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  }
}
