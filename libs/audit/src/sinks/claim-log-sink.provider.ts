import { type FactoryProvider, Logger } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { auditConfig, type AuditConfig } from '../audit.settings';
import { ClaimLogSink } from './claim-log-sink';
import { MongoClaimLogSink } from './mongo-claim-log.sink';
import { MysqlClaimLogSink } from './mysql-claim-log.sink';

/** Chosen once at boot: MongoDB when MONGODB_URI is set, else the MySQL fallback table. */
export function createClaimLogSink(cfg: AuditConfig, db: DataSource): ClaimLogSink {
  const logger = new Logger('AuditModule');
  if (cfg.mongodbUri) {
    logger.log('audit sink: mongodb');
    return new MongoClaimLogSink(cfg.mongodbUri, cfg.retentionDays);
  }
  logger.log('audit sink: mysql fallback (MONGODB_URI unset)');
  return new MysqlClaimLogSink(db, cfg.retentionDays);
}

export const claimLogSinkProvider: FactoryProvider<ClaimLogSink> = {
  provide: ClaimLogSink,
  inject: [auditConfig.KEY, getDataSourceToken()],
  useFactory: createClaimLogSink,
};
