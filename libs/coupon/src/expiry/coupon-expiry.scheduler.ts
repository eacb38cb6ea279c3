import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { PeriodicWork } from '@app/core';
import { couponConfig, type CouponConfig } from '../coupon.settings';
import { CouponExpiryService } from './coupon-expiry.service';

/** Runs the expiry sweep every COUPON_EXPIRY_INTERVAL_SECONDS (0 = off), one instance at a time:
 * the sweep is a compare-and-set, so a second instance would only repeat the same UPDATEs. */
@Injectable()
export class CouponExpiryScheduler implements OnApplicationBootstrap {
  constructor(
    private readonly periodic: PeriodicWork,
    private readonly expiry: CouponExpiryService,
    @Inject(couponConfig.KEY) private readonly cfg: CouponConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.periodic.every(
      'coupon-expiry',
      this.cfg.expiryIntervalSeconds,
      () => this.expiry.expireDue(),
      {
        acrossInstances: 'one-at-a-time',
      },
    );
  }
}
