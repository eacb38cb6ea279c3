import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Coupon lifecycle (issue #4): usage rules on templates, revocation on coupons, and one row per
 * redemption. UNIQUE(request_no) is what makes a till's retry idempotent; the extra coupon
 * indexes serve the admin search ordering (claimed_at desc, id desc) and the expiry job's
 * bounded batches (status, valid_to).
 */
export class CouponLifecycle1732560000400 implements MigrationInterface {
  name = 'CouponLifecycle1732560000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE coupon_template
        ADD COLUMN daily_limit INT UNSIGNED NULL,
        ADD COLUMN usable_weekdays VARCHAR(16) NULL,
        ADD COLUMN usable_time_start CHAR(5) NULL,
        ADD COLUMN usable_time_end CHAR(5) NULL`);

    await q.query(`
      ALTER TABLE coupon
        ADD COLUMN revoked_at DATETIME(3) NULL,
        ADD COLUMN revoke_reason VARCHAR(255) NULL,
        ADD KEY idx_coupon_claimed (claimed_at, id),
        ADD KEY idx_coupon_status_valid_to (status, valid_to),
        ADD KEY idx_coupon_template_claimed (template_id, claimed_at)`);

    await q.query(`
      CREATE TABLE coupon_redemption (
        id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
        request_no VARCHAR(64) NOT NULL,
        coupon_id BIGINT UNSIGNED NOT NULL,
        code CHAR(16) NOT NULL,
        template_id INT UNSIGNED NOT NULL,
        status VARCHAR(16) NOT NULL DEFAULT 'REDEEMED',
        order_amount_cents INT UNSIGNED NOT NULL,
        discount_cents INT UNSIGNED NOT NULL,
        payable_cents INT UNSIGNED NOT NULL,
        store_id VARCHAR(64) NULL,
        order_id VARCHAR(64) NULL,
        redeemed_by INT UNSIGNED NULL,
        redeemed_at DATETIME(3) NOT NULL,
        undone_by INT UNSIGNED NULL,
        undone_at DATETIME(3) NULL,
        undone_to_status VARCHAR(16) NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        UNIQUE KEY uq_redemption_request_no (request_no),
        KEY idx_redemption_coupon (coupon_id),
        KEY idx_redemption_template (template_id, status)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE coupon_redemption');
    await q.query(`
      ALTER TABLE coupon
        DROP KEY idx_coupon_template_claimed,
        DROP KEY idx_coupon_status_valid_to,
        DROP KEY idx_coupon_claimed,
        DROP COLUMN revoke_reason,
        DROP COLUMN revoked_at`);
    await q.query(`
      ALTER TABLE coupon_template
        DROP COLUMN usable_time_end,
        DROP COLUMN usable_time_start,
        DROP COLUMN usable_weekdays,
        DROP COLUMN daily_limit`);
  }
}
