import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Followers' personal data, encrypted at rest. `phone_cipher` holds only the AES-256-GCM envelope
 * (`v1:<kid>:<iv>:<tag>:<ct>`), never the number; `phone_index` is an HMAC-SHA256 blind index (hex)
 * so the admin can find a follower by phone without the database ever seeing the digits. Not
 * unique: one person may bind the same number to several WeChat accounts.
 */
export class FollowerPii1732560000600 implements MigrationInterface {
  name = 'FollowerPii1732560000600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE follower (
        openid VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        phone_cipher VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        phone_index CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        PRIMARY KEY (openid),
        KEY idx_follower_phone_index (phone_index)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE follower');
  }
}
