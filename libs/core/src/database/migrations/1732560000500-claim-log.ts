import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Audit trail fallback store (used when MONGODB_URI is unset). The primary key on event_id makes
 * redelivered stream entries no-ops (INSERT IGNORE); each index serves one admin filter with the
 * page order (occurred_at DESC, event_id DESC) read straight off the index.
 */
export class ClaimLog1732560000500 implements MigrationInterface {
  name = 'ClaimLog1732560000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE claim_log (
        event_id CHAR(36) CHARACTER SET ascii NOT NULL,
        kind VARCHAR(16) NOT NULL,
        outcome VARCHAR(32) NOT NULL,
        template_id INT UNSIGNED NULL,
        openid VARCHAR(64) NULL,
        coupon_code VARCHAR(32) NULL,
        request_key VARCHAR(128) NULL,
        channel VARCHAR(16) NULL,
        latency_ms INT UNSIGNED NULL,
        instance VARCHAR(128) NOT NULL,
        occurred_at DATETIME(3) NOT NULL,
        detail TEXT NULL,
        PRIMARY KEY (event_id),
        KEY idx_claim_log_time (occurred_at, event_id),
        KEY idx_claim_log_openid_time (openid, occurred_at, event_id),
        KEY idx_claim_log_template_time (template_id, occurred_at, event_id),
        KEY idx_claim_log_outcome_time (outcome, occurred_at, event_id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE claim_log');
  }
}
