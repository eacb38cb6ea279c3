import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { REDIS_CLIENT, type RedisClient } from '../redis/redis.constants';

@Injectable()
export class RedisHealthIndicator {
  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: RedisClient,
    private readonly indicator: HealthIndicatorService,
  ) {}

  async check(key = 'redis', timeoutMs = 1000): Promise<HealthIndicatorResult> {
    const session = this.indicator.check(key);
    const started = Date.now();
    try {
      const pong = await Promise.race([
        this.redis.ping(),
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error('timeout')), timeoutMs),
        ),
      ]);
      if (pong !== 'PONG') return session.down({ message: `unexpected reply ${String(pong)}` });
      return session.up({ latencyMs: Date.now() - started });
    } catch (err) {
      return session.down({ message: err instanceof Error ? err.message : String(err) });
    }
  }
}
