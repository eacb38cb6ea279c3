import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { couponConfig, type CouponConfig } from '@app/core';

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
    @InjectDataSource() private readonly db: DataSource,
    @Inject(couponConfig.KEY) private readonly cfg: CouponConfig,
  ) {}

  /** Returns how many coupons this call expired. */
  async expireDue(now = new Date(), batchSize = this.cfg.expiryBatchSize): Promise<number> {
    let total = 0;
    for (let i = 0; i < MAX_BATCHES_PER_RUN; i++) {
      const res = await this.db.query<{ affectedRows: number }>(
        `UPDATE coupon SET status = 'EXPIRED'
         WHERE status = 'AVAILABLE' AND valid_to < ?
         ORDER BY valid_to LIMIT ?`,
        [now, batchSize],
      );
      total += res.affectedRows;
      if (res.affectedRows < batchSize) break;
    }
    if (total > 0) this.logger.log(`expired ${total} coupons`);
    return total;
  }
}
