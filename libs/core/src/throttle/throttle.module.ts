import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { appConfig, type AppConfig } from '../config/configuration';
import { REDIS_CLIENT, type RedisClient } from '../redis/redis.constants';
import { AdminThrottlerGuard } from './admin-throttler.guard';
import { RedisThrottlerStorage } from './redis-throttler.storage';

@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [appConfig.KEY, REDIS_CLIENT],
      useFactory: (cfg: AppConfig, redis: RedisClient) => ({
        throttlers: [
          { name: 'default', ttl: cfg.adminRateWindowSeconds * 1000, limit: cfg.adminRateLimit },
        ],
        storage: new RedisThrottlerStorage(redis),
      }),
    }),
  ],
  providers: [{ provide: APP_GUARD, useClass: AdminThrottlerGuard }],
})
export class ThrottleModule {}
