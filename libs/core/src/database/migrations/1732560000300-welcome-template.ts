import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Welcome coupon (issue #3): a template flagged is_welcome is granted on `subscribe`. At most one
 * live (not ENDED) welcome template is a database fact, like live_keyword: the generated column is
 * 1 for a live welcome template and NULL otherwise, and NULLs never clash in a unique key.
 */
export class WelcomeTemplate1732560000300 implements MigrationInterface {
  name = 'WelcomeTemplate1732560000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE coupon_template
        ADD COLUMN is_welcome TINYINT(1) NOT NULL DEFAULT 0,
        ADD COLUMN live_welcome TINYINT(1) AS (IF(is_welcome = 1 AND status <> 'ENDED', 1, NULL)) PERSISTENT,
        ADD UNIQUE KEY uq_template_live_welcome (live_welcome)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE coupon_template
        DROP KEY uq_template_live_welcome,
        DROP COLUMN live_welcome,
        DROP COLUMN is_welcome`);
  }
}
