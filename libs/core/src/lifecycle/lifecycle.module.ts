import {
  type BeforeApplicationShutdown,
  Global,
  Logger,
  Module,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { flushLogs } from '../logging/logging.module';
import { InFlightWork } from './in-flight-work';

/** Graceful-shutdown helpers, global so any feature can register its in-flight work. */
@Global()
@Module({ providers: [InFlightWork], exports: [InFlightWork] })
export class LifecycleModule implements BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('Lifecycle');

  constructor(private readonly inFlight: InFlightWork) {}

  /** Operators see when and why an instance stopped, and that it finished cleanly. */
  beforeApplicationShutdown(signal?: string): void {
    this.logger.log(
      `shutting down (${signal ?? 'app.close'}): draining ${this.inFlight.size} in-flight`,
    );
  }

  async onApplicationShutdown(signal?: string): Promise<void> {
    this.logger.log(`shutdown complete (${signal ?? 'app.close'})`);
    await flushLogs();
  }
}
