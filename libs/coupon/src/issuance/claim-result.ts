import type { ClaimChannel } from '../entities/coupon.entity';

export enum ClaimOutcome {
  GRANTED = 'GRANTED',
  SOLD_OUT = 'SOLD_OUT',
  LIMIT_REACHED = 'LIMIT_REACHED',
  DAILY_LIMIT_REACHED = 'DAILY_LIMIT_REACHED',
  NOT_STARTED = 'NOT_STARTED',
  ENDED = 'ENDED',
  PAUSED = 'PAUSED',
  NOT_FOUND = 'NOT_FOUND',
  /** The follower sent claims faster than WX_CLAIM_RATE_LIMIT per window on this campaign. */
  RATE_LIMITED = 'RATE_LIMITED',
  /** The template has an audience and the follower is not in it (nothing was taken). */
  NOT_IN_AUDIENCE = 'NOT_IN_AUDIENCE',
  ERROR = 'ERROR',
}

export interface ClaimRequest {
  templateId: number;
  openid: string;
  /** WeChat retry identity: MsgId, or FromUserName+CreateTime for events. */
  requestKey: string;
  channel: ClaimChannel;
  /** Small, PII-free extras for the claim's audit event (e.g. who invited the follower). */
  auditDetail?: Record<string, unknown>;
}

/** A claim addressed by what the follower sent (keyword, menu key, scene, or following). */
export interface RouteClaimRequest extends Omit<ClaimRequest, 'templateId'> {
  route: { kind: 'kw' | 'menu' | 'welcome'; value: string };
}

export interface ClaimedCoupon {
  code: string;
  validFrom: Date;
  validTo: Date;
}

export interface ClaimResult {
  outcome: ClaimOutcome;
  templateId: number;
  templateName?: string;
  coupon?: ClaimedCoupon;
  /** True when this answers a repeated request (the coupon was granted before). */
  replayed: boolean;
}
