import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { redisConfig, type RedisConfig } from '../config/configuration';
import { REDIS_CLIENT, type RedisClient } from './redis.constants';

export function createRedisClient(url: string): Redis {
  return new Redis(url, {
    // Fail a command fast instead of queueing it forever: the /wx path has a hard reply deadline.
    maxRetriesPerRequest: 1,
    commandTimeout: 2000,
    enableAutoPipelining: true,
    retryStrategy: (attempt) => Math.min(attempt * 100, 2000),
  });
}

@Global()
@Module({
  providers: [
    {
      provide: REDIS_CLIENT,
      inject: [redisConfig.KEY],
      useFactory: (cfg: RedisConfig): RedisClient => createRedisClient(cfg.url),
    },
  ],
  exports: [REDIS_CLIENT],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS_CLIENT) private readonly redis: RedisClient) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
