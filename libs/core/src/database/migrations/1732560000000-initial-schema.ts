import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The unique keys here are the last line of defence of the claim path: even if Redis loses its
 * counters, MySQL cannot hold more coupons than stock (template_id, stock_seq), more per follower
 * than the limit (template_id, openid, user_seq), or two coupons for one WeChat message
 * (template_id, request_key). live_keyword/live_menu_key make "one live template per keyword" a
 * database fact instead of a racy read-then-insert.
 */
export class InitialSchema1732560000000 implements MigrationInterface {
  name = 'InitialSchema1732560000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE admin_user (
        id INT UNSIGNED NOT NULL AUTO_INCREMENT,
        username VARCHAR(64) NOT NULL,
        password_hash VARCHAR(255) NOT NULL,
        role VARCHAR(16) NOT NULL,
        disabled TINYINT(1) NOT NULL DEFAULT 0,
        token_version INT UNSIGNED NOT NULL DEFAULT 0,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        UNIQUE KEY uq_admin_user_username (username)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);

    await q.query(`
      CREATE TABLE coupon_template (
        id INT UNSIGNED NOT NULL AUTO_INCREMENT,
        name VARCHAR(64) NOT NULL,
        description VARCHAR(512) NULL,
        status VARCHAR(16) NOT NULL DEFAULT 'DRAFT',
        discount_type VARCHAR(16) NOT NULL,
        amount_cents INT UNSIGNED NULL,
        percent_off TINYINT UNSIGNED NULL,
        max_discount_cents INT UNSIGNED NULL,
        threshold_cents INT UNSIGNED NOT NULL DEFAULT 0,
        total_quantity INT UNSIGNED NOT NULL,
        per_user_limit INT UNSIGNED NOT NULL DEFAULT 1,
        claim_starts_at DATETIME(3) NOT NULL,
        claim_ends_at DATETIME(3) NOT NULL,
        validity_type VARCHAR(16) NOT NULL,
        valid_from DATETIME(3) NULL,
        valid_to DATETIME(3) NULL,
        valid_days INT UNSIGNED NULL,
        keyword VARCHAR(64) NULL,
        menu_key VARCHAR(128) NULL,
        version INT UNSIGNED NOT NULL DEFAULT 1,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        live_keyword VARCHAR(64) AS (IF(status <> 'ENDED', keyword, NULL)) PERSISTENT,
        live_menu_key VARCHAR(128) AS (IF(status <> 'ENDED', menu_key, NULL)) PERSISTENT,
        PRIMARY KEY (id),
        UNIQUE KEY uq_template_live_keyword (live_keyword),
        UNIQUE KEY uq_template_live_menu_key (live_menu_key),
        KEY idx_template_status (status)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);

    await q.query(`
      CREATE TABLE coupon (
        id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
        code CHAR(16) NOT NULL,
        template_id INT UNSIGNED NOT NULL,
        openid VARCHAR(64) NOT NULL,
        stock_seq INT UNSIGNED NOT NULL,
        user_seq INT UNSIGNED NOT NULL,
        request_key VARCHAR(128) NOT NULL,
        channel VARCHAR(16) NOT NULL,
        status VARCHAR(16) NOT NULL DEFAULT 'AVAILABLE',
        valid_from DATETIME(3) NOT NULL,
        valid_to DATETIME(3) NOT NULL,
        claimed_at DATETIME(3) NOT NULL,
        redeemed_at DATETIME(3) NULL,
        redeem_request_no VARCHAR(64) NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        UNIQUE KEY uq_coupon_request (template_id, request_key),
        UNIQUE KEY uq_coupon_stock_seq (template_id, stock_seq),
        UNIQUE KEY uq_coupon_user_seq (template_id, openid, user_seq),
        UNIQUE KEY uq_coupon_code (code),
        KEY idx_coupon_openid_status (openid, status),
        KEY idx_coupon_template_status (template_id, status, valid_to),
        CONSTRAINT fk_coupon_template FOREIGN KEY (template_id) REFERENCES coupon_template (id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE coupon');
    await q.query('DROP TABLE coupon_template');
    await q.query('DROP TABLE admin_user');
  }
}
