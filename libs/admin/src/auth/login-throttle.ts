import { Inject, Injectable } from '@nestjs/common';
import {
  authConfig,
  type AuthConfig,
  RateLimitedException,
  REDIS_CLIENT,
  type RedisClient,
} from '@app/core';

/** INCR with the window set on the first failure only (a fixed window per key). */
const COUNT_FAILURE = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
return n`;

/**
 * Failed-login counters in Redis, per username and per client IP, so the limit holds across
 * every instance. Only failures count: staff logging in correctly are never slowed down, while
 * guessing one password or spraying many usernames from one address hits a 429.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: RedisClient,
    @Inject(authConfig.KEY) private readonly cfg: AuthConfig,
  ) {}

  async assertAllowed(username: string, ip: string): Promise<void> {
    const checks: [string, number][] = [
      [userKey(username), this.cfg.loginMaxFailuresPerUsername],
      [ipKey(ip), this.cfg.loginMaxFailuresPerIp],
    ];
    for (const [key, max] of checks) {
      if (Number((await this.redis.get(key)) ?? 0) < max) continue;
      const ttl = await this.redis.ttl(key);
      throw new RateLimitedException(
        'Too many failed logins; try again later',
        ttl > 0 ? ttl : this.cfg.loginThrottleWindowSeconds,
      );
    }
  }

  async failed(username: string, ip: string): Promise<void> {
    const window = this.cfg.loginThrottleWindowSeconds;
    await Promise.all([
      this.redis.eval(COUNT_FAILURE, 1, userKey(username), window),
      this.redis.eval(COUNT_FAILURE, 1, ipKey(ip), window),
    ]);
  }

  /** A correct password clears the username's count (not the IP's: one good login from a
   * spraying address must not reset its budget). */
  async succeeded(username: string): Promise<void> {
    await this.redis.del(userKey(username));
  }
}

const userKey = (username: string) => `login:fail:u:${username.toLowerCase()}`;
const ipKey = (ip: string) => `login:fail:ip:${ip}`;
