import { Inject, Injectable, Logger } from '@nestjs/common';
import { couponConfig, type CouponConfig } from '../coupon.settings';
import { CouponRepository } from '../coupons/coupon.repository';

/** Upper bound of batches per run, so one run cannot hog the database for long. */
const MAX_BATCHES_PER_RUN = 1000;

/**
 * Marks AVAILABLE coupons past valid_to as EXPIRED, in bounded `UPDATE ... LIMIT n` batches (short
 * row locks, small undo logs). Each UPDATE is a compare-and-set on status, so several instances
 * running it at once only share the work. Redemption never relies on it: it checks valid_to itself.
 */
@Injectable()
export class CouponExpiryService {
  private readonly logger = new Logger(CouponExpiryService.name);

  constructor(
    private readonly coupons: CouponRepository,
    @Inject(couponConfig.KEY) private readonly cfg: CouponConfig,
  ) {}

  /** Returns how many coupons this call expired. */
  async expireDue(now = new Date(), batchSize = this.cfg.expiryBatchSize): Promise<number> {
    let total = 0;
    for (let i = 0; i < MAX_BATCHES_PER_RUN; i++) {
      const expired = await this.coupons.expireBatch(now, batchSize);
      total += expired;
      if (expired < batchSize) break;
    }
    if (total > 0) this.logger.log(`expired ${total} coupons`);
    return total;
  }
}
