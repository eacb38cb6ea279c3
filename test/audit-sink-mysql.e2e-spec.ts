import { DataSource } from 'typeorm';
import { MysqlAuditEventSink } from '@app/audit';
import { mysqlOptions } from '@app/core';
import { auditEvent } from './support/audit-events';
import { describeAuditEventSinkContract } from './support/audit-sink-contract';
import { TEST_ENV } from './setup/test-env';

let db: DataSource;

async function mysqlSink(retentionDays = 180): Promise<MysqlAuditEventSink> {
  db ??= await new DataSource(mysqlOptions(TEST_ENV.DATABASE_URL, 2)).initialize();
  return new MysqlAuditEventSink(db, retentionDays);
}

afterAll(() => db?.destroy());

describeAuditEventSinkContract('MySQL fallback (table audit_event)', async () => ({
  sink: await mysqlSink(),
  clear: () => db.query('TRUNCATE TABLE audit_event'),
  close: () => Promise.resolve(),
}));

describe('MysqlAuditEventSink retention purge', () => {
  it('deletes only entries older than AUDIT_RETENTION_DAYS', async () => {
    const sink = await mysqlSink(30);
    await db.query('TRUNCATE TABLE audit_event');
    const now = new Date('2026-11-20T00:00:00Z');
    const day = 86_400_000;
    const old = [31, 40, 400].map((d) =>
      auditEvent({ occurredAt: new Date(now.getTime() - d * day) }),
    );
    const kept = [1, 29].map((d) => auditEvent({ occurredAt: new Date(now.getTime() - d * day) }));
    await sink.write([...old, ...kept]);
    expect(await sink.purgeExpired(now)).toBe(3);
    const left = await sink.query({}, { page: 1, pageSize: 10 });
    expect(left.items.map((e) => e.eventId).sort()).toEqual(kept.map((e) => e.eventId).sort());
  });
});
