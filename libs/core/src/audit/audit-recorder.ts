/** What happened, for the audit trail (claim attempts, redemptions, revocations...). */
/** INVITE and REWARD: share-link fission (INVITE_COUNTED / INVITE_IGNORED, REWARD_GRANTED). */
export const AUDIT_KINDS = [
  'CLAIM',
  'REDEEM',
  'REDEEM_UNDO',
  'REVOKE',
  'INVITE',
  'REWARD',
] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

export interface AuditEventInput {
  kind: AuditKind;
  /** GRANTED, SOLD_OUT, LIMIT_REACHED, NOT_STARTED, ENDED, PAUSED, REJECTED, ERROR, REDEEMED...,
   * INVITE_COUNTED, INVITE_IGNORED (detail.reason), REWARD_GRANTED (share-link fission). */
  outcome: string;
  templateId?: number | null;
  openid?: string | null;
  couponCode?: string | null;
  /** WeChat retry identity or the redemption requestNo. */
  requestKey?: string | null;
  /** KEYWORD, MENU, SUBSCRIBE, ADMIN, POS... */
  channel?: string | null;
  latencyMs?: number | null;
  /** Small, PII-free extras (e.g. admin user id, order amount). */
  detail?: Record<string, unknown>;
}

/**
 * Port of the audit trail. Implementations must be cheap and must not throw into the caller:
 * the claim path calls record() and moves on. The audit lib provides the implementation.
 */
export abstract class AuditRecorder {
  abstract record(event: AuditEventInput): void;
}
