import { Inject, Injectable } from '@nestjs/common';
import { RateLimitedException, REDIS_CLIENT, type RedisClient } from '@app/core';
import { authConfig, type AuthConfig } from './auth.settings';

/**
 * Takes one attempt from both budgets (account name, client IP) atomically, or none when either
 * is spent; so of N concurrent guesses exactly `limit` get to check a password. Fixed window per
 * key, set on its first attempt. Both keys share one hash tag: one Redis Cluster slot.
 * KEYS[1] account, KEYS[2] ip; ARGV[1] window s, ARGV[2] account limit, ARGV[3] ip limit.
 * Returns 0 when taken, else the seconds until the spent budget refills.
 */
const TAKE = `
for i = 1, 2 do
  if tonumber(redis.call('GET', KEYS[i]) or '0') >= tonumber(ARGV[i + 1]) then
    local ttl = redis.call('TTL', KEYS[i])
    if ttl < 1 then ttl = tonumber(ARGV[1]) end
    return ttl
  end
end
for i = 1, 2 do
  if redis.call('INCR', KEYS[i]) == 1 then redis.call('EXPIRE', KEYS[i], ARGV[1]) end
end
return 0`;

/** Gives the IP its attempt back after a correct password, and clears the account's count. */
const RELEASE = `
redis.call('DEL', KEYS[1])
if tonumber(redis.call('GET', KEYS[2]) or '0') > 0 then redis.call('DECR', KEYS[2]) end
return 0`;

/** An attempt taken by `take()`, to hand back with `release()`. */
export interface LoginAttempt {
  accountKey: string;
  ipKey: string;
}

/**
 * Failed-password budgets in Redis, per account name and per client IP, shared by every instance.
 * The attempt is counted BEFORE the password is checked (atomically, see TAKE) and given back when
 * it was right, so only failures use the budget while a burst of concurrent guesses cannot slip
 * past the limit. The account key is the name as the database compares it (see `accountName`):
 * `victim`, `VICTIM`, `victim ` and `vìctim` share one budget. Login and change-password share it
 * too: both guess the same password.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: RedisClient,
    @Inject(authConfig.KEY) private readonly cfg: AuthConfig,
  ) {}

  /** Takes one attempt or throws 429 with Retry-After. */
  async take(username: string, ip: string): Promise<LoginAttempt> {
    const attempt = { accountKey: accountKey(username), ipKey: ipKey(ip) };
    const retryAfter = Number(
      await this.redis.eval(
        TAKE,
        2,
        attempt.accountKey,
        attempt.ipKey,
        this.cfg.loginThrottleWindowSeconds,
        this.cfg.loginMaxFailuresPerUsername,
        this.cfg.loginMaxFailuresPerIp,
      ),
    );
    if (retryAfter > 0) {
      throw new RateLimitedException('Too many failed logins; try again later', retryAfter);
    }
    return attempt;
  }

  /** The password was right (or was never checked): the attempt was no failure. */
  async release(attempt: LoginAttempt): Promise<void> {
    await this.redis.eval(RELEASE, 2, attempt.accountKey, attempt.ipKey);
  }
}

/**
 * The account a login name reaches. Usernames are ASCII `[A-Za-z0-9_.-]` (checked on write) and
 * MySQL's case- and accent-insensitive collation, PAD SPACE, matches case variants, trailing spaces
 * and accented letters to the same row: fold all of those the same way here, so no variant spelling
 * gets a fresh budget.
 */
export function accountName(username: string): string {
  return username.normalize('NFKD').replace(/\p{M}/gu, '').trim().toLowerCase();
}

const accountKey = (username: string) => `login:{fail}:a:${accountName(username)}`;
const ipKey = (ip: string) => `login:{fail}:ip:${ip}`;
