import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { REDIS_CLIENT, type RedisClient } from './redis.constants';

/** Deletes the lock only while it still holds our token, in one step: a holder whose lock has
 * expired (and been taken by another instance) can never delete the new holder's lock. */
const COMPARE_AND_DELETE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0`;

export interface HeldLock {
  readonly key: string;
  readonly token: string;
}

/**
 * A lock shared by every instance: taken with SET NX PX (it frees itself after `ttlMs` if its
 * holder dies), released with an atomic compare-and-delete. The only lock helper: use it rather
 * than SET/GET/DEL by hand.
 */
@Injectable()
export class RedisLock {
  constructor(@Inject(REDIS_CLIENT) private readonly redis: RedisClient) {}

  /** The lock, or null when another holder has it. */
  async acquire(key: string, ttlMs: number): Promise<HeldLock | null> {
    const token = randomUUID();
    const ok = await this.redis.set(key, token, 'PX', ttlMs, 'NX');
    return ok === null ? null : { key, token };
  }

  /** True when it was still ours; false when it had expired (and may be someone else's now). */
  async release(lock: HeldLock): Promise<boolean> {
    return (await this.redis.eval(COMPARE_AND_DELETE, 1, lock.key, lock.token)) === 1;
  }
}
