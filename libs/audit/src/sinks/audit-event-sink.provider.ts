import { type FactoryProvider, Logger } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { auditConfig, type AuditConfig } from '../audit.settings';
import { AuditEventSink } from './audit-event-sink';
import { MongoAuditEventSink } from './mongo-audit-event.sink';
import { MysqlAuditEventSink } from './mysql-audit-event.sink';

/** Chosen once at boot: MongoDB when MONGODB_URI is set, else the MySQL fallback table. */
export function createAuditEventSink(cfg: AuditConfig, db: DataSource): AuditEventSink {
  const logger = new Logger('AuditModule');
  if (cfg.mongodbUri) {
    logger.log('audit sink: mongodb');
    return new MongoAuditEventSink(cfg.mongodbUri, cfg.retentionDays);
  }
  logger.log('audit sink: mysql fallback (MONGODB_URI unset)');
  return new MysqlAuditEventSink(db, cfg.retentionDays);
}

export const auditEventSinkProvider: FactoryProvider<AuditEventSink> = {
  provide: AuditEventSink,
  inject: [auditConfig.KEY, getDataSourceToken()],
  useFactory: createAuditEventSink,
};
