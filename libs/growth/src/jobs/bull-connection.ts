import type { Cluster, Redis } from 'ioredis';
import type { RedisClient } from '@app/core';

/** BullMQ keys share one hash tag, so the queues' Lua scripts work on Redis Cluster. */
export const GROWTH_QUEUE_PREFIX = 'wxc:{growth}';

/**
 * A connection for BullMQ from the app's Redis settings (standalone or Cluster): its own, since
 * workers block on reads, and without the app's per-command retry cap and timeout, which BullMQ
 * refuses (it waits on Redis by design).
 */
export function bullConnection(redis: RedisClient): Redis | Cluster {
  const options = {
    maxRetriesPerRequest: null,
    commandTimeout: undefined,
    enableAutoPipelining: false,
  };
  return 'nodes' in redis
    ? redis.duplicate(undefined, { redisOptions: { ...redis.options.redisOptions, ...options } })
    : redis.duplicate(options);
}
