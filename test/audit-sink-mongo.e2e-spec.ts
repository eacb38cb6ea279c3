import { DataSource } from 'typeorm';
import { MongoClient } from 'mongodb';
import { createAuditEventSink, MongoAuditEventSink, MysqlAuditEventSink } from '@app/audit';
import { mysqlOptions } from '@app/core';
import { auditConfig } from '@app/audit';
import { describeAuditEventSinkContract } from './support/audit-sink-contract';
import { TEST_ENV } from './setup/test-env';

const MONGODB_URI = process.env.MONGODB_URI;

if (MONGODB_URI) {
  // A collection of its own per run, dropped afterwards, so a shared MongoDB stays clean.
  const collection = `audit_events_test_${process.pid}_${Date.now()}`;
  let client: MongoClient;

  describeAuditEventSinkContract(`MongoDB (${collection})`, async () => {
    client = await new MongoClient(MONGODB_URI).connect();
    const sink = new MongoAuditEventSink(MONGODB_URI, 180, collection);
    return {
      sink,
      clear: async () => {
        await client.db().collection(collection).deleteMany({});
      },
      close: async () => {
        await client
          .db()
          .collection(collection)
          .drop()
          .catch(() => undefined);
        await client.close();
        await sink.onApplicationShutdown();
      },
    };
  });
} else {
  describe('AuditEventSink contract: MongoDB', () => {
    it('could not run here: MONGODB_URI is unset, so the MySQL fallback is the sink', () => {
      console.warn(
        'MONGODB_URI unset: MongoDB sink contract NOT exercised on this machine (no MongoDB server). ' +
          'Run with MONGODB_URI=mongodb://host:27017/wxcoupon_test to exercise it.',
      );
      Object.assign(process.env, TEST_ENV, { MONGODB_URI: '' });
      const db = new DataSource(mysqlOptions(TEST_ENV.DATABASE_URL, 1)); // never connected
      const sink = createAuditEventSink(auditConfig(), db);
      expect(sink).toBeInstanceOf(MysqlAuditEventSink);
      expect(sink.name).toBe('mysql');
    });
  });
}
