import { Injectable, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { PeriodicWork } from '@app/core';
import {
  HandlerOrder,
  WechatDispatcher,
  type WechatMessage,
  type WechatMessageHandler,
} from '@app/wechat';
import { FissionCampaignService } from './fission-campaign.service';
import { FissionShareService, closedOutcome } from './fission-share.service';
import { FollowerSubscriptions } from './follower-subscriptions';
import { type FissionCampaignRecord } from './fission-campaign';

/** Routes are refreshed this often on every instance (a campaign made elsewhere answers soon). */
const ROUTES_REFRESH_SECONDS = 5;

const CLOSED_TEXT: Record<string, string> = {
  PAUSED: '邀请活动已暂停，请稍后再来。',
  ENDED: '邀请活动已结束，感谢参与！',
  NOT_STARTED: '邀请活动还没开始，敬请期待。',
};

/**
 * Fission on /wx: the share keyword / menu key answers with the follower's personal link and
 * progress; every `subscribe` event is remembered (newFollowersOnly) and passed on to the next
 * handler. The dispatcher asks synchronously, so the routes live in this instance's memory.
 */
@Injectable()
export class FissionMessageHandler implements OnModuleInit, OnApplicationBootstrap {
  private keywords = new Map<string, number>();
  private menuKeys = new Map<string, number>();

  constructor(
    private readonly dispatcher: WechatDispatcher,
    private readonly campaigns: FissionCampaignService,
    private readonly shares: FissionShareService,
    private readonly subscriptions: FollowerSubscriptions,
    private readonly periodic: PeriodicWork,
  ) {}

  onModuleInit(): void {
    this.dispatcher.register(this.handler, HandlerOrder.COMMAND);
    this.campaigns.onChange(() => this.refreshRoutes());
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.refreshRoutes();
    this.periodic.every('fission-routes', ROUTES_REFRESH_SECONDS, () => this.refreshRoutes());
  }

  /** Reloads share keywords and menu keys of campaigns not ended. */
  async refreshRoutes(): Promise<void> {
    const routes = await this.campaigns.routes();
    this.keywords = new Map(
      routes.filter((r) => r.shareKeyword).map((r) => [r.shareKeyword!, r.id]),
    );
    this.menuKeys = new Map(routes.filter((r) => r.menuKey).map((r) => [r.menuKey!, r.id]));
  }

  private readonly handler: WechatMessageHandler = {
    handle: (msg) => {
      if (msg.MsgType === 'text') {
        const id = this.keywords.get((msg.Content ?? '').trim());
        return id === undefined ? undefined : this.reply(id, msg);
      }
      if (msg.MsgType !== 'event') return undefined;
      const event = (msg.Event ?? '').toLowerCase();
      if (event === 'subscribe') {
        this.rememberSubscription(msg);
        return undefined;
      }
      if (event === 'click' && msg.EventKey) {
        const id = this.menuKeys.get(msg.EventKey);
        return id === undefined ? undefined : this.reply(id, msg);
      }
      return undefined;
    },
  };

  private rememberSubscription(msg: WechatMessage): void {
    const seconds = Number(msg.CreateTime);
    const at = Number.isFinite(seconds) && seconds > 0 ? new Date(seconds * 1000) : new Date();
    void this.subscriptions.record(msg.FromUserName, at).catch(() => undefined);
  }

  private async reply(campaignId: number, msg: WechatMessage): Promise<string> {
    const c = await this.campaigns.find(campaignId);
    if (!c) return CLOSED_TEXT.ENDED;
    const closed = closedOutcome(c);
    if (closed) return CLOSED_TEXT[closed];
    const p = await this.shares.sharerLink(c, msg.FromUserName);
    return shareText(c, p.link, p.counted, p.rewards);
  }
}

/** The sharer's reply: the link and "已邀请 n/m 位好友" toward the next reward. */
export function shareText(
  c: FissionCampaignRecord,
  link: string,
  counted: number,
  rewards: number,
): string {
  const capped = rewards >= c.maxRewardsPerSharer;
  const progress = capped
    ? `已邀请 ${c.invitesRequired}/${c.invitesRequired} 位好友，奖励已达上限（${rewards} 次）`
    : `已邀请 ${counted % c.invitesRequired}/${c.invitesRequired} 位好友`;
  const earned = rewards > 0 && !capped ? `\n已获得奖励 ${rewards} 次` : '';
  return (
    `【${c.name}】每邀请 ${c.invitesRequired} 位好友领券，你就得一张奖励券！\n` +
    `你的专属分享链接：\n${link}\n${progress}${earned}`
  );
}
