import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { Cluster, Redis, type RedisOptions } from 'ioredis';
import { redisConfig, type RedisConfig } from '../config/configuration';
import { type ClusterNode, parseClusterNodes } from './cluster-nodes';
import { REDIS_CLIENT, type RedisClient } from './redis.constants';

/**
 * Shared by standalone and cluster node connections. The /wx path has a hard reply deadline, so a
 * command must fail fast rather than wait for a Redis that is gone; yet the client must heal by
 * itself when Redis comes back, without restarting the app.
 */
const connectionOptions: RedisOptions = {
  // A command waits in the offline queue for at most one reconnect attempt, then fails.
  maxRetriesPerRequest: 1,
  // A hung (not refusing) Redis: give up on the command; the reply deadline is the last guard.
  commandTimeout: 2000,
  connectTimeout: 2000,
  enableAutoPipelining: true,
};

/** Reconnect forever, quickly: a dead Redis refuses at once, and followers are waiting. */
export const reconnectDelayMs = (attempt: number): number => Math.min(attempt * 50, 500);

export function createRedisClient(url: string): Redis {
  return new Redis(url, {
    ...connectionOptions,
    retryStrategy: reconnectDelayMs,
    // After a failover the old primary answers READONLY: reconnect (DNS/VIP now points elsewhere).
    reconnectOnError: (err) => err.message.startsWith('READONLY'),
  });
}

/**
 * Redis Cluster client. Every multi-key command and Lua script we send keeps its keys in one slot
 * (hash tag {t:<id>}), so it works unchanged on a cluster. `credentialsUrl` (REDIS_URL, optional)
 * supplies username/password/TLS for the nodes.
 */
export function createRedisClusterClient(nodes: ClusterNode[], credentialsUrl?: string): Cluster {
  const auth = credentialsUrl ? credentialsFrom(credentialsUrl) : {};
  return new Cluster(nodes, {
    // Reads go to masters: claim state must be read where it is written.
    scaleReads: 'master',
    enableAutoPipelining: true,
    enableOfflineQueue: true,
    maxRedirections: 16,
    retryDelayOnFailover: 100,
    retryDelayOnClusterDown: 100,
    retryDelayOnTryAgain: 100,
    slotsRefreshTimeout: 2000,
    slotsRefreshInterval: 5000,
    clusterRetryStrategy: (attempt) => Math.min(attempt * 100, 2000),
    redisOptions: { ...connectionOptions, ...auth },
  });
}

/** The client for the configured topology: REDIS_CLUSTER_NODES wins over REDIS_URL. */
export function createRedisFromConfig(cfg: RedisConfig): RedisClient {
  if (cfg.clusterNodes)
    return createRedisClusterClient(parseClusterNodes(cfg.clusterNodes), cfg.url);
  return createRedisClient(cfg.url);
}

function credentialsFrom(url: string): Pick<RedisOptions, 'username' | 'password' | 'tls'> {
  const u = new URL(url);
  return {
    username: u.username ? decodeURIComponent(u.username) : undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    tls: u.protocol === 'rediss:' ? {} : undefined,
  };
}

@Global()
@Module({
  providers: [
    {
      provide: REDIS_CLIENT,
      inject: [redisConfig.KEY],
      useFactory: (cfg: RedisConfig): RedisClient => createRedisFromConfig(cfg),
    },
  ],
  exports: [REDIS_CLIENT],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS_CLIENT) private readonly redis: RedisClient) {}

  /** Runs after every beforeApplicationShutdown drain, so in-flight claims had their Redis. */
  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
