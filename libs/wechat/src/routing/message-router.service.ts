import { Inject, Injectable, Logger } from '@nestjs/common';
import { couponConfig, type CouponConfig } from '@app/core';
import {
  ClaimChannel,
  ClaimOutcome,
  ClaimService,
  CouponQueryService,
  FollowerService,
  TemplateStateService,
} from '@app/coupon';
import { phoneBindingArgument, phoneBindingReply } from '../followers/phone-binding';
import { FollowerClaimThrottle, RATE_LIMITED_TEXT } from '../throttle/follower-claim-throttle';
import { claimReplyText, HELP_TEXT, myCouponsText, WELCOME_TEXT } from './reply-texts';

/** What the message asks for. */
export type Intent =
  | { kind: 'claim'; templateId: number; channel: ClaimChannel; requestKey: string }
  | { kind: 'text'; text: string }
  | { kind: 'follow'; greeting: string | null; claims: FollowClaim[]; requestKey: string }
  | { kind: 'none' };

/**
 * Maps an inbound WeChat message to an intent and the intent to a reply text. Keywords and menu
 * keys are looked up in Redis (shared by every instance, rebuilt from MySQL when missing).
 */
@Injectable()
export class MessageRouter {
  private readonly logger = new Logger(MessageRouter.name);

  constructor(
    private readonly claims: ClaimService,
    private readonly state: TemplateStateService,
    private readonly coupons: CouponQueryService,
    @Inject(couponConfig.KEY) private readonly couponCfg: CouponConfig,
    private readonly followers: FollowerService,
    private readonly throttle: FollowerClaimThrottle,
  ) {}

  /** Reply text, or null when WeChat expects no reply (e.g. unsubscribe, VIEW). */
  async handle(msg: Record<string, string>): Promise<string | null> {
    const intent = await this.intentOf(msg);
    if (intent.kind === 'none') return null;
    if (intent.kind === 'text') return intent.text;
    const limited = await this.claimLimited(msg.FromUserName, intent);
    if (limited !== null) return limited;
    if (intent.kind === 'follow') return this.follow(msg.FromUserName, intent);
    const result = await this.claims.claim({
      templateId: intent.templateId,
      openid: msg.FromUserName,
      requestKey: intent.requestKey,
      channel: intent.channel,
    });
    this.logger.debug(`claim template=${intent.templateId} outcome=${result.outcome}`);
    return claimReplyText(result);
  }

  async intentOf(msg: Record<string, string>): Promise<Intent> {
    const type = msg.MsgType;
    if (type === 'text') {
      const keyword = (msg.Content ?? '').trim();
      if (keyword === this.couponCfg.myCouponsKeyword) {
        return { kind: 'text', text: myCouponsText(await this.coupons.heldBy(msg.FromUserName)) };
      }
      const phone = phoneBindingArgument(keyword);
      if (phone !== null) {
        const bound = await this.followers.bindPhone(msg.FromUserName, phone);
        return { kind: 'text', text: phoneBindingReply(bound) };
      }
      const templateId = keyword ? await this.state.resolveRoute('kw', keyword) : null;
      if (templateId === null) return { kind: 'text', text: HELP_TEXT };
      return {
        kind: 'claim',
        templateId,
        channel: ClaimChannel.KEYWORD,
        requestKey: messageKey(msg),
      };
    }
    if (type === 'event') {
      const event = (msg.Event ?? '').toLowerCase();
      if (event === 'subscribe' || event === 'scan') return this.followIntent(msg, event);
      if (event === 'click') {
        const templateId = msg.EventKey
          ? await this.state.resolveRoute('menu', msg.EventKey)
          : null;
        if (templateId === null) return { kind: 'text', text: HELP_TEXT };
        return {
          kind: 'claim',
          templateId,
          channel: ClaimChannel.MENU,
          requestKey: messageKey(msg),
        };
      }
      return { kind: 'none' };
    }
    return { kind: 'text', text: HELP_TEXT };
  }

  /**
   * subscribe: the welcome text, the welcome coupon and the QR scene's coupon; SCAN: the scene's
   * coupon. The requestKey is FromUserName+CreateTime, so WeChat's retries of the event replay
   * the same answer and never grant twice.
   */
  private async followIntent(
    msg: Record<string, string>,
    event: 'subscribe' | 'scan',
  ): Promise<Intent> {
    const scene = sceneKey(msg.EventKey, event);
    const sceneId = scene ? await this.state.resolveRoute('menu', scene) : null;
    const welcomeId = event === 'subscribe' ? await this.state.resolveRoute('welcome', '*') : null;
    const claims: FollowClaim[] = [];
    if (welcomeId !== null) claims.push({ templateId: welcomeId, quiet: welcomeId !== sceneId });
    if (sceneId !== null && sceneId !== welcomeId)
      claims.push({ templateId: sceneId, quiet: false });
    if (event === 'scan' && claims.length === 0) return { kind: 'text', text: HELP_TEXT };
    return {
      kind: 'follow',
      greeting: event === 'subscribe' ? WELCOME_TEXT : null,
      claims,
      requestKey: messageKey(msg),
    };
  }

  /**
   * Per-follower claim limit (issue #6): claims and follows that grant coupons count, once per
   * WeChat message (its retries reuse the first decision). Returns the reply when limited.
   */
  private async claimLimited(
    openid: string,
    intent: Extract<Intent, { kind: 'claim' | 'follow' }>,
  ): Promise<string | null> {
    if (intent.kind === 'follow' && intent.claims.length === 0) return null;
    if (await this.throttle.admit(openid, intent.requestKey)) return null;
    const greeting = intent.kind === 'follow' ? intent.greeting : null;
    return greeting ? `${greeting}\n\n${RATE_LIMITED_TEXT}` : RATE_LIMITED_TEXT;
  }

  private async follow(
    openid: string,
    intent: Extract<Intent, { kind: 'follow' }>,
  ): Promise<string> {
    const parts = intent.greeting ? [intent.greeting] : [];
    for (const c of intent.claims) {
      const result = await this.claims.claim({
        templateId: c.templateId,
        openid,
        requestKey: intent.requestKey,
        channel: ClaimChannel.SUBSCRIBE,
      });
      this.logger.debug(`follow claim template=${c.templateId} outcome=${result.outcome}`);
      // A returning follower (limit reached) or a finished welcome campaign is simply welcomed.
      if (!c.quiet || result.outcome === ClaimOutcome.GRANTED) parts.push(claimReplyText(result));
    }
    return parts.join('\n\n') || HELP_TEXT;
  }
}

/** A coupon granted by following / scanning; `quiet` ones are mentioned only when granted. */
export interface FollowClaim {
  templateId: number;
  quiet: boolean;
}

/** Parametric QR codes: subscribe sends EventKey `qrscene_<key>`, SCAN (already a follower) `<key>`. */
export function sceneKey(eventKey: string | undefined, event: 'subscribe' | 'scan'): string | null {
  if (!eventKey) return null;
  if (event === 'scan') return eventKey;
  return eventKey.startsWith('qrscene_') ? eventKey.slice('qrscene_'.length) || null : null;
}

/** WeChat's own retry identity: MsgId for messages, sender + CreateTime for events. */
export function messageKey(msg: Record<string, string>): string {
  return msg.MsgId ? `m:${msg.MsgId}` : `e:${msg.FromUserName}:${msg.CreateTime}`;
}
