import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { couponConfig, type CouponConfig } from '@app/core';
import { CouponExpiryService } from './coupon-expiry.service';

const JOB = 'coupon-expiry';

/** Runs the expiry sweep every COUPON_EXPIRY_INTERVAL_SECONDS (0 = off); never overlaps itself. */
@Injectable()
export class CouponExpiryScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CouponExpiryScheduler.name);
  private running = false;

  constructor(
    private readonly registry: SchedulerRegistry,
    private readonly expiry: CouponExpiryService,
    @Inject(couponConfig.KEY) private readonly cfg: CouponConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.cfg.expiryIntervalSeconds === 0) return;
    const timer = setInterval(() => void this.tick(), this.cfg.expiryIntervalSeconds * 1000);
    timer.unref();
    this.registry.addInterval(JOB, timer);
  }

  onApplicationShutdown(): void {
    if (this.registry.doesExist('interval', JOB)) this.registry.deleteInterval(JOB);
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      await this.expiry.expireDue();
    } catch (err) {
      this.logger.error(`expiry sweep failed: ${String(err)}`);
    } finally {
      this.running = false;
    }
  }
}
