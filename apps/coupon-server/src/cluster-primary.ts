import cluster from 'node:cluster';
import pino from 'pino';
import { DataSource } from 'typeorm';
import {
  ensureDatabaseExists,
  mysqlOptions,
  serveClusterMetrics,
  validateEnvironment,
} from '@app/core';

/**
 * WEB_CONCURRENCY > 1: one primary that migrates once, then forks workers sharing the port
 * (Node's cluster balances connections). Workers hold no state that others need, so this is just
 * "more instances on one host"; a crashed worker is replaced. The primary also answers the
 * workers' /metrics with the sum over all of them.
 */
export async function runPrimary(workers: number): Promise<void> {
  const env = validateEnvironment(process.env);
  // JSON lines like the workers' (pino), to the same place, so one parser reads the whole stream.
  const logger = pino(
    { level: process.env.LOG_LEVEL ?? 'info', base: { pid: process.pid }, name: 'ClusterPrimary' },
    process.env.LOG_FILE
      ? pino.destination({ dest: process.env.LOG_FILE, sync: false, mkdir: true })
      : pino.destination(1),
  );
  if (env.DB_MIGRATIONS_RUN) {
    await ensureDatabaseExists(env.DATABASE_URL);
    const ds = new DataSource(mysqlOptions(env.DATABASE_URL, 1));
    await ds.initialize();
    await ds.runMigrations();
    await ds.destroy();
  }
  serveClusterMetrics();
  let stopping = false;
  const fork = () => cluster.fork({ DB_MIGRATIONS_RUN: 'false' });
  for (let i = 0; i < workers; i++) fork();
  let running = workers;
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (--running === 0) {
        logger.info('all workers stopped; primary exiting');
        logger.flush(() => process.exit(0));
      }
      return;
    }
    logger.error(`worker ${worker.process.pid} exited (${signal ?? code}); starting another`);
    fork();
  });
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal} received: stopping ${workers} workers`);
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill(signal);
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  logger.info(`started ${workers} workers`);
}
