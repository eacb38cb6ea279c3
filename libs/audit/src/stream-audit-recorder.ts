import { Injectable } from '@nestjs/common';
import { AuditRecorder, type AuditEventInput } from '@app/core';

/** PLACEHOLDER until issue #5 lands: the Redis Stream implementation replaces this body. */
@Injectable()
export class StreamAuditRecorder extends AuditRecorder {
  readonly recorded: AuditEventInput[] = [];

  record(event: AuditEventInput): void {
    if (this.recorded.length < 1000) this.recorded.push(event);
  }
}
