import { Injectable, Logger } from '@nestjs/common';
import { ClaimChannel, ClaimService, TemplateStateService } from '@app/coupon';
import { claimReplyText, HELP_TEXT, WELCOME_TEXT } from './reply-texts';

/** What the message asks for. */
export type Intent =
  | { kind: 'claim'; templateId: number; channel: ClaimChannel; requestKey: string }
  | { kind: 'text'; text: string }
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
  ) {}

  /** Reply text, or null when WeChat expects no reply (e.g. unsubscribe, VIEW). */
  async handle(msg: Record<string, string>): Promise<string | null> {
    const intent = await this.intentOf(msg);
    if (intent.kind === 'none') return null;
    if (intent.kind === 'text') return intent.text;
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
      if (event === 'subscribe') return { kind: 'text', text: WELCOME_TEXT };
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
}

/** WeChat's own retry identity: MsgId for messages, sender + CreateTime for events. */
export function messageKey(msg: Record<string, string>): string {
  return msg.MsgId ? `m:${msg.MsgId}` : `e:${msg.FromUserName}:${msg.CreateTime}`;
}
