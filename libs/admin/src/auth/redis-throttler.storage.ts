import type { ThrottlerStorage } from '@nestjs/throttler';
import type { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';
import type { RedisClient } from '@app/core';

// Fixed window per key, plus a block once the limit is passed. One round trip; both keys share
// a hash tag so the script runs on one Redis Cluster slot.
// KEYS[1] hits  KEYS[2] block; ARGV[1] window ms  ARGV[2] limit  ARGV[3] block ms
const SCRIPT = `
local blockedFor = redis.call('PTTL', KEYS[2])
if blockedFor > 0 then
  return {tonumber(redis.call('GET', KEYS[1]) or '0'), redis.call('PTTL', KEYS[1]), 1, blockedFor}
end
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if hits > tonumber(ARGV[2]) then
  redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
  return {hits, ttl, 1, tonumber(ARGV[3])}
end
return {hits, ttl, 0, 0}`;

type Increment = (
  hits: string,
  block: string,
  ttl: number,
  limit: number,
  blockMs: number,
) => Promise<number[]>;

/** @nestjs/throttler storage in Redis, so limits hold across every app instance. */
export class RedisThrottlerStorage implements ThrottlerStorage {
  private readonly incrementScript: Increment;

  constructor(redis: RedisClient) {
    redis.defineCommand('wxcThrottle', { numberOfKeys: 2, lua: SCRIPT });
    const cmd = (redis as unknown as Record<string, Increment>).wxcThrottle;
    this.incrementScript = cmd.bind(redis);
  }

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    const tag = `thr:{${throttlerName}:${key}}`;
    const [hits, ttlMs, blocked, blockMs] = await this.incrementScript(
      `${tag}:hits`,
      `${tag}:block`,
      ttl,
      limit,
      blockDuration > 0 ? blockDuration : ttl,
    );
    return {
      totalHits: hits,
      timeToExpire: Math.max(0, Math.ceil(ttlMs / 1000)),
      isBlocked: blocked === 1,
      timeToBlockExpire: Math.max(0, Math.ceil(blockMs / 1000)),
    };
  }
}
