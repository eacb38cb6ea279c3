import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Inject,
  Logger,
  Post,
  Query,
  UseGuards,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public, wechatConfig, type WechatConfig } from '@app/core';
import { IpAllowlistGuard } from '../allowlist/ip-allowlist.guard';
import { LateReplyNotifier } from '../notify/late-reply.notifier';
import { MessageRouter, messageKey } from '../routing/message-router.service';
import { BUSY_TEXT, PENDING_TEXT } from '../routing/reply-texts';
import { buildEncryptedEnvelope, buildTextReply } from '../xml/wechat-xml.codec';
import { type CallbackQuery, WechatRequestVerifier } from './wechat-request.verifier';

/** The URL configured in the Official Account console ("服务器配置"). */
@ApiExcludeController()
@Public()
@UseGuards(IpAllowlistGuard)
@Controller('wx')
export class WechatCallbackController {
  private readonly logger = new Logger(WechatCallbackController.name);

  constructor(
    private readonly verifier: WechatRequestVerifier,
    private readonly router: MessageRouter,
    private readonly lateReplies: LateReplyNotifier,
    @Inject(wechatConfig.KEY) private readonly cfg: WechatConfig,
  ) {}

  @Get()
  @Header('Content-Type', 'text/plain; charset=utf-8')
  verify(@Query() query: CallbackQuery): string {
    return this.verifier.verifyEcho(query);
  }

  @Post()
  @HttpCode(200)
  @Header('Content-Type', 'application/xml; charset=utf-8')
  async receive(@Query() query: CallbackQuery, @Body() body: unknown): Promise<string> {
    const { fields, encrypted } = await this.verifier.readMessage(query, body);
    const text = await this.withinDeadline(
      this.router.handle(fields),
      (late) =>
        // The follower was told "in progress"; the real answer follows as a customer-service message.
        void late.then((t) =>
          t ? this.lateReplies.deliver(fields.FromUserName, messageKey(fields), t) : false,
        ),
    );
    // "success" tells WeChat we got it and have nothing to say (no retry, no error shown).
    if (text === null) return 'success';
    const reply = buildTextReply({
      toUser: fields.FromUserName,
      fromUser: fields.ToUserName,
      content: text,
    });
    return encrypted ? buildEncryptedEnvelope(this.verifier.encryptReply(reply)) : reply;
  }

  /** Whatever happens downstream, the follower gets an answer inside WeChat's 5 s window. */
  private async withinDeadline(
    work: Promise<string | null>,
    onLate: (late: Promise<string | null>) => void,
  ): Promise<string | null> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<string>((resolve) => {
      timer = setTimeout(() => {
        this.logger.warn(`reply deadline of ${this.cfg.replyDeadlineMs} ms reached`);
        onLate(guarded);
        resolve(PENDING_TEXT);
      }, this.cfg.replyDeadlineMs);
    });
    const guarded: Promise<string | null> = work.catch((err: unknown) => {
      this.logger.error(
        `message handling failed: ${err instanceof Error ? err.stack : String(err)}`,
      );
      return BUSY_TEXT;
    });
    try {
      return await Promise.race([guarded, deadline]);
    } finally {
      clearTimeout(timer);
    }
  }
}
