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
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE growth_job');
    await q.query(
      'ALTER TABLE coupon_template DROP KEY idx_template_audience, DROP COLUMN audience_id',
    );
    await q.query('DROP TABLE audience_member');
    await q.query('DROP TABLE audience');
  }
}
