import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit table holds redemptions, undos and revocations as well as claim attempts: it is named
 * for what it holds (issue #11 item 8), and gets an index for the new `kind` filter.
 */
export class AuditEvent1732560001100 implements MigrationInterface {
  name = 'AuditEvent1732560001100';

  async up(q: QueryRunner): Promise<void> {
    await q.query('RENAME TABLE claim_log TO audit_event');
    await q.query(
      'ALTER TABLE audit_event ADD KEY idx_audit_event_kind_time (kind, occurred_at, event_id)',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE audit_event DROP KEY idx_audit_event_kind_time');
    await q.query('RENAME TABLE audit_event TO claim_log');
  }
}
