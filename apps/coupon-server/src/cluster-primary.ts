import cluster from 'node:cluster';
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ensureDatabaseExists, mysqlOptions, validateEnvironment } from '@app/core';

const logger = new Logger('ClusterPrimary');

/**
 * WEB_CONCURRENCY > 1: one primary that migrates once, then forks workers sharing the port
 * (Node's cluster balances connections). Workers hold no state that others need, so this is just
 * "more instances on one host"; a crashed worker is replaced.
 */
export async function runPrimary(workers: number): Promise<void> {
  const env = validateEnvironment(process.env);
  if (env.DB_MIGRATIONS_RUN) {
    await ensureDatabaseExists(env.DATABASE_URL);
    const ds = new DataSource(mysqlOptions(env.DATABASE_URL, 1));
    await ds.initialize();
    await ds.runMigrations();
    await ds.destroy();
  }
  let stopping = false;
  const fork = () => cluster.fork({ DB_MIGRATIONS_RUN: 'false' });
  for (let i = 0; i < workers; i++) fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    logger.error(`worker ${worker.process.pid} exited (${signal ?? code}); starting another`);
    fork();
  });
  const stop = (signal: NodeJS.Signals) => {
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill(signal);
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  logger.log(`started ${workers} workers`);
}
