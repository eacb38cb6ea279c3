import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Targeted campaigns (issue #12). An audience is who may claim a template: a list of openids
 * (uploaded) or a WeChat user tag (synced). Members live in generations: an upload or a sync
 * fills a new generation beside the live one and `audience.generation` is switched in one UPDATE,
 * so the old list stays whole until the new one is complete. openids are ASCII and
 * case-sensitive (ascii_bin). growth_job is a background job's progress and checkpoint, so a job
 * resumes where it stopped after a crash or a restart; `active_key` (the subject while the job is
 * queued or running, NULL after) makes "one job per audience at a time" a unique key.
 */
export class Audiences1732560001200 implements MigrationInterface {
  name = 'Audiences1732560001200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audience (
        id INT UNSIGNED NOT NULL AUTO_INCREMENT,
        name VARCHAR(64) NOT NULL,
        kind VARCHAR(16) NOT NULL,
        tag_id INT UNSIGNED NULL,
        generation INT UNSIGNED NOT NULL DEFAULT 1,
        staging_generation INT UNSIGNED NOT NULL DEFAULT 1,
        member_count INT UNSIGNED NOT NULL DEFAULT 0,
        sync_status VARCHAR(16) NOT NULL DEFAULT 'IDLE',
        sync_started_at DATETIME(3) NULL,
        synced_at DATETIME(3) NULL,
        sync_error VARCHAR(512) NULL,
        version INT UNSIGNED NOT NULL DEFAULT 1,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`
      CREATE TABLE audience_member (
        audience_id INT UNSIGNED NOT NULL,
        generation INT UNSIGNED NOT NULL,
        openid VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        PRIMARY KEY (audience_id, generation, openid)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(
      'ALTER TABLE coupon_template ADD COLUMN audience_id INT UNSIGNED NULL, ADD KEY idx_template_audience (audience_id)',
    );
    await q.query(`
      CREATE TABLE growth_job (
        id INT UNSIGNED NOT NULL AUTO_INCREMENT,
        kind VARCHAR(32) NOT NULL,
        subject_key VARCHAR(64) NOT NULL,
        active_key VARCHAR(64) NULL,
        state VARCHAR(16) NOT NULL,
        params TEXT NOT NULL,
        checkpoint TEXT NULL,
        progress INT UNSIGNED NOT NULL DEFAULT 0,
        total INT UNSIGNED NULL,
        error VARCHAR(512) NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        finished_at DATETIME(3) NULL,
        PRIMARY KEY (id),
        UNIQUE KEY uq_growth_job_active (active_key),
        KEY idx_growth_job_subject (subject_key, id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    // A campaign push; for an OPENID_LIST one delivery row per follower, whose primary key and
    // compare-and-set state make "at most once per follower" hold across crashes and retries.
    await q.query(`
      CREATE TABLE campaign_push (
        id INT UNSIGNED NOT NULL AUTO_INCREMENT,
        template_id INT UNSIGNED NOT NULL,
        audience_id INT UNSIGNED NOT NULL,
        channel VARCHAR(16) NOT NULL,
        text VARCHAR(1024) NOT NULL,
        preview_openid VARCHAR(64) NULL,
        state VARCHAR(16) NOT NULL,
        msg_id VARCHAR(32) NULL,
        job_id INT UNSIGNED NULL,
        fanout_done TINYINT(1) NOT NULL DEFAULT 0,
        total_count INT UNSIGNED NOT NULL DEFAULT 0,
        filter_count INT UNSIGNED NULL,
        sent_count INT UNSIGNED NOT NULL DEFAULT 0,
        error_count INT UNSIGNED NOT NULL DEFAULT 0,
        not_reachable_count INT UNSIGNED NOT NULL DEFAULT 0,
        error VARCHAR(512) NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        finished_at DATETIME(3) NULL,
        PRIMARY KEY (id),
        UNIQUE KEY uq_campaign_push_msg (msg_id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`
      CREATE TABLE push_delivery (
        push_id INT UNSIGNED NOT NULL,
        openid VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        state VARCHAR(16) NOT NULL,
        errcode INT NULL,
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        PRIMARY KEY (push_id, openid),
        KEY idx_push_delivery_state (push_id, state)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE push_delivery');
    await q.query('DROP TABLE campaign_push');
    await q.query('DROP TABLE growth_job');
    await q.query(
      'ALTER TABLE coupon_template DROP KEY idx_template_audience, DROP COLUMN audience_id',
    );
    await q.query('DROP TABLE audience_member');
    await q.query('DROP TABLE audience');
  }
}
