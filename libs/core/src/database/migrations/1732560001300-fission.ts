import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Share-link fission (issue #13). Exact accounting lives in MySQL: a friend's granted claim through
 * a link is one `fission_invite` row (UNIQUE per coupon: retries account once); a COUNTED row also
 * fills `counted_friend`, whose UNIQUE key makes the first counted grant per friend win across
 * sharers and instances. Rewards are rows keyed (campaign, sharer, reward_no), so a reward is owed
 * exactly once and a recovery can finish it. `fission_sharer` holds the per-sharer counters,
 * updated in the same transaction as the invite (its row lock serialises one sharer's friends).
 * `fission_pending_claim` marks a friend's claim in flight until it is accounted, so the recovery
 * finds a grant whose instance died before the accounting.
 */
export class Fission1732560001300 implements MigrationInterface {
  name = 'Fission1732560001300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE fission_campaign (
        id INT UNSIGNED NOT NULL AUTO_INCREMENT,
        name VARCHAR(64) NOT NULL,
        template_id INT UNSIGNED NOT NULL,
        reward_template_id INT UNSIGNED NOT NULL,
        invites_required INT UNSIGNED NOT NULL,
        max_rewards_per_sharer INT UNSIGNED NOT NULL,
        new_followers_only TINYINT(1) NOT NULL DEFAULT 0,
        starts_at DATETIME(3) NOT NULL,
        ends_at DATETIME(3) NOT NULL,
        share_keyword VARCHAR(32) NULL,
        menu_key VARCHAR(64) NULL,
        status VARCHAR(16) NOT NULL DEFAULT 'ACTIVE',
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        KEY idx_fission_campaign_keyword (share_keyword),
        KEY idx_fission_campaign_menu (menu_key)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`
      CREATE TABLE fission_sharer (
        id INT UNSIGNED NOT NULL AUTO_INCREMENT,
        campaign_id INT UNSIGNED NOT NULL,
        openid VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        counted INT UNSIGNED NOT NULL DEFAULT 0,
        rewards INT UNSIGNED NOT NULL DEFAULT 0,
        links_opened INT UNSIGNED NOT NULL DEFAULT 0,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        UNIQUE KEY uq_fission_sharer (campaign_id, openid),
        KEY idx_fission_sharer_top (campaign_id, counted)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`
      CREATE TABLE fission_invite (
        id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
        campaign_id INT UNSIGNED NOT NULL,
        sharer_id INT UNSIGNED NOT NULL,
        friend_openid VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        coupon_code CHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        state VARCHAR(16) NOT NULL,
        reason VARCHAR(32) NULL,
        counted_friend VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        UNIQUE KEY uq_fission_invite_coupon (campaign_id, coupon_code),
        UNIQUE KEY uq_fission_invite_counted (campaign_id, counted_friend),
        KEY idx_fission_invite_friend (campaign_id, friend_openid)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`
      CREATE TABLE fission_reward (
        id INT UNSIGNED NOT NULL AUTO_INCREMENT,
        campaign_id INT UNSIGNED NOT NULL,
        sharer_id INT UNSIGNED NOT NULL,
        reward_no INT UNSIGNED NOT NULL,
        state VARCHAR(16) NOT NULL DEFAULT 'PENDING',
        outcome VARCHAR(32) NULL,
        coupon_code CHAR(16) CHARACTER SET ascii COLLATE ascii_bin NULL,
        notified_at DATETIME(3) NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        UNIQUE KEY uq_fission_reward (campaign_id, sharer_id, reward_no),
        KEY idx_fission_reward_pending (state, created_at)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`
      CREATE TABLE fission_pending_claim (
        campaign_id INT UNSIGNED NOT NULL,
        request_key VARCHAR(128) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        sharer_id INT UNSIGNED NOT NULL,
        created_at DATETIME(3) NOT NULL,
        PRIMARY KEY (campaign_id, request_key),
        KEY idx_fission_pending_time (created_at)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`
      CREATE TABLE follower_subscription (
        openid VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        subscribed_at DATETIME(3) NOT NULL,
        PRIMARY KEY (openid)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'follower_subscription',
      'fission_pending_claim',
      'fission_reward',
      'fission_invite',
      'fission_sharer',
      'fission_campaign',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
