import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';

/** The Redis Stream every instance appends audit events to. */
export const AUDIT_STREAM_KEY = 'audit:events';
/** One consumer group: each entry is written by exactly one of the group's consumers. */
// The name predates the audit_event rename; kept because renaming a consumer group strands its
// pending (read, unacked) entries on upgrade.
export const AUDIT_CONSUMER_GROUP = 'claim-log-writer';

/** Stamped on each event: which process saw it. */
export const INSTANCE_ID = `${hostname()}:${process.pid}`;

/** Unique per consumer, even for several apps in one process (tests). */
export function newConsumerName(): string {
  return `${INSTANCE_ID}:${randomBytes(3).toString('hex')}`;
}
