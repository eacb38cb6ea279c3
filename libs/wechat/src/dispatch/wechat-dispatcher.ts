import { Injectable } from '@nestjs/common';

/** Flat fields of one decrypted WeChat push: ToUserName, FromUserName, MsgType, Content, ... */
export type WechatMessage = Readonly<Record<string, string>>;

/**
 * A feature's answer to the messages it understands. `handle` returns undefined when the message
 * is not its business (the next handler is asked), else the reply text, or null for "no reply".
 * The answer to a repeated delivery (WeChat retries) must be the same: key work on messageKey().
 */
export interface WechatMessageHandler {
  handle(msg: WechatMessage): Promise<string | null> | undefined;
}

/** Handlers are asked in ascending order; ties keep registration order. */
export const HandlerOrder = {
  /** Exact commands (e.g. "我的优惠券", phone binding, share keywords). */
  COMMAND: 100,
  /** Keyword / menu / scene claims. */
  CLAIM: 500,
  /** The help text for anything nobody understood. */
  FALLBACK: 1000,
} as const;

/**
 * The /wx message dispatcher: WeChat protocol in, feature handlers out. Feature libraries register
 * their handlers at module init, so adding a keyword or an event never edits this library.
 */
@Injectable()
export class WechatDispatcher {
  private handlers: { order: number; handler: WechatMessageHandler }[] = [];

  register(handler: WechatMessageHandler, order: number = HandlerOrder.CLAIM): void {
    this.handlers = [...this.handlers, { order, handler }].sort((a, b) => a.order - b.order);
  }

  /** The reply text, or null when WeChat expects none (nobody answered, or a handler said so). */
  dispatch(msg: WechatMessage): Promise<string | null> {
    for (const { handler } of this.handlers) {
      const answer = handler.handle(msg);
      if (answer !== undefined) return answer;
    }
    return Promise.resolve(null);
  }
}

/** WeChat's own retry identity: MsgId for messages, sender + CreateTime for events. */
export function messageKey(msg: WechatMessage): string {
  return msg.MsgId ? `m:${msg.MsgId}` : `e:${msg.FromUserName}:${msg.CreateTime}`;
}
