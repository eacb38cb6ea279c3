import { Global, Module } from '@nestjs/common';
import { AuditRecorder } from '@app/core';
import { StreamAuditRecorder } from './stream-audit-recorder';

/** Global so any feature can record audit events through the AuditRecorder port. */
@Global()
@Module({
  providers: [StreamAuditRecorder, { provide: AuditRecorder, useExisting: StreamAuditRecorder }],
  exports: [AuditRecorder],
})
export class AuditModule {}
