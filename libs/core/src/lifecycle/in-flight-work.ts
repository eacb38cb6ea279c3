import {
  type BeforeApplicationShutdown,
  Injectable,
  Logger,
  type OnModuleDestroy,
} from '@nestjs/common';

/** Thrown to work that arrives once shutdown started; callers answer "busy, try again". */
export class ShuttingDownError extends Error {
  constructor() {
    super('the service is shutting down');
    this.name = 'ShuttingDownError';
  }
}

/** How long shutdown waits for in-flight work before closing pools anyway. */
export const DRAIN_TIMEOUT_MS = 10_000;

/**
 * Graceful shutdown for work that touches Redis and MySQL (claims). On SIGTERM / app.close(),
 * Nest runs onModuleDestroy, then every beforeApplicationShutdown hook, before it closes the HTTP server and, after that,
 * the MySQL and Redis pools (onApplicationShutdown). Here we refuse new work and wait for the work
 * already running, so a claim never loses its pools halfway (Redis slot taken, row not written).
 */
@Injectable()
export class InFlightWork implements OnModuleDestroy, BeforeApplicationShutdown {
  private readonly logger = new Logger(InFlightWork.name);
  private running = 0;
  private closing = false;
  private idle: (() => void)[] = [];

  get draining(): boolean {
    return this.closing;
  }

  get size(): number {
    return this.running;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.closing) throw new ShuttingDownError();
    this.running++;
    try {
      return await work();
    } finally {
      this.running--;
      if (this.running === 0) for (const wake of this.idle.splice(0)) wake();
    }
  }

  /** First shutdown phase (before any drain hook): stop taking new work at once, so drains that
   * wait for claims (coupon writer, audit recorder) are not kept busy by new arrivals. */
  onModuleDestroy(): void {
    this.closing = true;
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.closing = true;
    if (this.running === 0) return;
    this.logger.log(`draining ${this.running} in-flight claim(s)`);
    let timer: NodeJS.Timeout | undefined;
    const drained = await Promise.race([
      new Promise<boolean>((resolve) => this.idle.push(() => resolve(true))),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), DRAIN_TIMEOUT_MS);
      }),
    ]);
    clearTimeout(timer);
    if (!drained) this.logger.warn(`${this.running} claim(s) still running after drain timeout`);
  }
}
