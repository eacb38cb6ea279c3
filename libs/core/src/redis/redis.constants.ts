import type { Cluster, Redis } from 'ioredis';

/** DI token for the shared ioredis client (standalone or cluster: both speak the same API we use). */
export const REDIS_CLIENT = Symbol('REDIS_CLIENT');
export type RedisClient = Redis | Cluster;
