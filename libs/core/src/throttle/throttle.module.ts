import { Global, Module } from '@nestjs/common';
import { AdminRateLimiter } from './admin-rate-limiter';

/** The admin API's shared (Redis) rate limit; the admin auth guard applies it per caller. */
@Global()
@Module({
  providers: [AdminRateLimiter],
  exports: [AdminRateLimiter],
})
export class ThrottleModule {}
