import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A till's requestNo is an idempotency key: `SAME-1` and `same-1` are two requests. Under the
 * table's case-insensitive collation the second replayed the first (or was refused as reused).
 * requestNo is ASCII by validation (`[A-Za-z0-9_-:.]{1,64}`), so ascii_bin compares it byte for
 * byte, on MySQL 8 and MariaDB alike. Going down fails if case variants were stored meanwhile.
 */
export class RequestNoBinary1732560000900 implements MigrationInterface {
  name = 'RequestNoBinary1732560000900';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'ALTER TABLE coupon_redemption MODIFY request_no VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      'ALTER TABLE coupon_redemption MODIFY request_no VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL',
    );
  }
}
