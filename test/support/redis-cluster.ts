import { execFileSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Cluster } from 'ioredis';
import { RedisServerProcess } from './redis-server';

/**
 * A real Redis Cluster of masters only (no replicas) on loopback ports, built with
 * `redis-cli --cluster create`; ready once every node says cluster_state:ok.
 */
export class RedisClusterProcess {
  private constructor(readonly nodes: RedisServerProcess[]) {}

  static async start(ports: number[]): Promise<RedisClusterProcess> {
    const nodes: RedisServerProcess[] = [];
    try {
      for (const port of ports) {
        nodes.push(
          await RedisServerProcess.start(port, [
            '--cluster-enabled',
            'yes',
            '--cluster-config-file',
            `nodes-${port}.conf`,
            '--cluster-node-timeout',
            '2000',
          ]),
        );
      }
      const cluster = new RedisClusterProcess(nodes);
      execFileSync(
        'redis-cli',
        [
          '--cluster',
          'create',
          ...ports.map((p) => `127.0.0.1:${p}`),
          '--cluster-replicas',
          '0',
          '--cluster-yes',
        ],
        { encoding: 'utf8', timeout: 30_000 },
      );
      await cluster.waitUntilOk();
      return cluster;
    } catch (err) {
      await Promise.all(nodes.map((n) => n.destroy()));
      throw err;
    }
  }

  /** REDIS_CLUSTER_NODES value for the app. */
  get seedNodes(): string {
    return this.nodes.map((n) => `127.0.0.1:${n.port}`).join(',');
  }

  async waitUntilOk(timeoutMs = 20_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const infos = this.nodes.map((n) => n.cli('cluster', 'info'));
      const ok = infos.every(
        (i) =>
          i.includes('cluster_state:ok') &&
          i.includes('cluster_slots_assigned:16384') &&
          i.includes(`cluster_known_nodes:${this.nodes.length}`),
      );
      if (ok) return;
      if (Date.now() > until) throw new Error(`cluster not ok:\n${infos.join('\n')}`);
      await sleep(100);
    }
  }

  async destroy(): Promise<void> {
    await Promise.all(this.nodes.map((n) => n.destroy()));
  }
}

/** FLUSHALL on every master (a Cluster client's flushdb would reach one node only). */
export async function flushCluster(redis: Cluster): Promise<void> {
  await Promise.all(redis.nodes('master').map((node) => node.flushall()));
}
