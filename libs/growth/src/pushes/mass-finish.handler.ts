import { Injectable, OnModuleInit } from '@nestjs/common';
import { HandlerOrder, WechatDispatcher, type WechatMessage } from '@app/wechat';
import { CampaignPushService } from './campaign-push.service';

const count = (v: string | undefined): number => {
  const n = Number(v);
  return Number.isSafeInteger(n) && n >= 0 ? n : 0;
};

/**
 * The MASSSENDJOBFINISH event WeChat posts to /wx when a mass send is done: records the counts on
 * the push and answers "success" (no reply text). WeChat retries it; recording it again is a no-op.
 */
@Injectable()
export class MassFinishHandler implements OnModuleInit {
  constructor(
    private readonly dispatcher: WechatDispatcher,
    private readonly pushes: CampaignPushService,
  ) {}

  onModuleInit(): void {
    this.dispatcher.register({ handle: (msg) => this.handle(msg) }, HandlerOrder.COMMAND);
  }

  private handle(msg: WechatMessage): Promise<string | null> | undefined {
    if (msg.MsgType !== 'event' || msg.Event !== 'MASSSENDJOBFINISH' || !msg.MsgID) {
      return undefined;
    }
    return this.pushes
      .massFinished({
        msgId: msg.MsgID,
        status: msg.Status ?? '',
        totalCount: count(msg.TotalCount),
        filterCount: count(msg.FilterCount),
        sentCount: count(msg.SentCount),
        errorCount: count(msg.ErrorCount),
      })
      .then(() => null);
  }
}
