import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { couponConfig, type CouponConfig } from '../coupon.settings';
import {
  HandlerOrder,
  messageKey,
  WechatDispatcher,
  type WechatMessage,
  type WechatMessageHandler,
} from '@app/wechat';
import { CouponQueryService } from '../coupons/coupon-query.service';
import { ClaimChannel } from '../entities/coupon.entity';
import { FollowerService } from '../followers/follower.service';
import { ClaimOutcome, type ClaimResult } from '../issuance/claim-result';
import { ClaimService } from '../issuance/claim.service';
import { phoneBindingArgument, phoneBindingReply } from './phone-binding';
import { claimReplyText, HELP_TEXT, myCouponsText, WELCOME_TEXT } from './reply-texts';

/**
 * The coupon feature's answers on /wx: 我的优惠券 and phone binding (commands), keyword / menu /
 * QR-scene / welcome claims, and the help text for anything else. Registered with the WeChat
 * dispatcher, so the protocol library never imports this feature.
 */
@Injectable()
export class CouponMessageHandler implements OnModuleInit {
  constructor(
    private readonly dispatcher: WechatDispatcher,
    private readonly claims: ClaimService,
    private readonly coupons: CouponQueryService,
    private readonly followers: FollowerService,
    @Inject(couponConfig.KEY) private readonly cfg: CouponConfig,
  ) {}

  onModuleInit(): void {
    this.dispatcher.register(this.commands, HandlerOrder.COMMAND);
    this.dispatcher.register(this.claimsByRoute, HandlerOrder.CLAIM);
    this.dispatcher.register(this.help, HandlerOrder.FALLBACK);
  }

  private readonly commands: WechatMessageHandler = {
    handle: (msg) => {
      if (msg.MsgType !== 'text') return undefined;
      const content = (msg.Content ?? '').trim();
      if (content === this.cfg.myCouponsKeyword) return this.myCoupons(msg.FromUserName);
      const phone = phoneBindingArgument(content);
      if (phone !== null) return this.bindPhone(msg.FromUserName, phone);
      return undefined;
    },
  };

  private readonly claimsByRoute: WechatMessageHandler = {
    handle: (msg) => {
      if (msg.MsgType === 'text') {
        const keyword = (msg.Content ?? '').trim();
        return keyword ? this.claimOrHelp(msg, 'kw', keyword, ClaimChannel.KEYWORD) : undefined;
      }
      if (msg.MsgType !== 'event') return undefined;
      const event = (msg.Event ?? '').toLowerCase();
      if (event === 'click') {
        return msg.EventKey
          ? this.claimOrHelp(msg, 'menu', msg.EventKey, ClaimChannel.MENU)
          : Promise.resolve(HELP_TEXT);
      }
      if (event === 'subscribe' || event === 'scan') return this.follow(msg, event);
      // Other events (unsubscribe, VIEW, LOCATION, ...) expect no reply.
      return Promise.resolve(null);
    },
  };

  private readonly help: WechatMessageHandler = {
    handle: () => Promise.resolve(HELP_TEXT),
  };

  private async myCoupons(openid: string): Promise<string> {
    return myCouponsText(await this.coupons.heldBy(openid));
  }

  private async bindPhone(openid: string, phone: string): Promise<string> {
    return phoneBindingReply(await this.followers.bindPhone(openid, phone));
  }

  private async claimOrHelp(
    msg: WechatMessage,
    kind: 'kw' | 'menu',
    value: string,
    channel: ClaimChannel,
  ): Promise<string> {
    const result = await this.claims.claimByRoute({
      route: { kind, value },
      openid: msg.FromUserName,
      requestKey: messageKey(msg),
      channel,
    });
    return result ? claimReplyText(result) : HELP_TEXT;
  }

  /**
   * subscribe: the welcome text, the welcome coupon and the QR scene's coupon; SCAN: the scene's
   * coupon. The requestKey is FromUserName+CreateTime, so WeChat's retries of the event replay the
   * same answer and never grant twice. The welcome coupon is mentioned only when granted (a
   * returning follower is simply welcomed), unless it is also the scene's coupon.
   */
  private async follow(msg: WechatMessage, event: 'subscribe' | 'scan'): Promise<string> {
    const base = {
      openid: msg.FromUserName,
      requestKey: messageKey(msg),
      channel: ClaimChannel.SUBSCRIBE,
    };
    const parts = event === 'subscribe' ? [WELCOME_TEXT] : [];
    const welcome =
      event === 'subscribe'
        ? await this.claims.claimByRoute({ ...base, route: { kind: 'welcome', value: '*' } })
        : null;
    const scene = sceneKey(msg.EventKey, event);
    const sceneClaim = scene
      ? await this.claims.claimByRoute({ ...base, route: { kind: 'menu', value: scene } })
      : null;
    // The same template for both: the second claim replayed the first; say it once.
    const same =
      welcome !== null && sceneClaim !== null && welcome.templateId === sceneClaim.templateId;
    if (welcome && (same || mentionWelcome(welcome))) parts.push(claimReplyText(welcome));
    if (sceneClaim && !same) parts.push(claimReplyText(sceneClaim));
    if (parts.length === 0) return HELP_TEXT;
    return parts.join('\n\n');
  }
}

function mentionWelcome(r: ClaimResult): boolean {
  return r.outcome === ClaimOutcome.GRANTED || r.outcome === ClaimOutcome.RATE_LIMITED;
}

/** Parametric QR codes: subscribe sends EventKey `qrscene_<key>`, SCAN (already a follower) `<key>`. */
export function sceneKey(eventKey: string | undefined, event: 'subscribe' | 'scan'): string | null {
  if (!eventKey) return null;
  if (event === 'scan') return eventKey;
  return eventKey.startsWith('qrscene_') ? eventKey.slice('qrscene_'.length) || null : null;
}
