import {
  ForbiddenException,
  Inject,
  Injectable,
  Logger,
  type OnModuleInit,
  ServiceUnavailableException,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { MetricsService, randomNonce, slug, toApiErrorBody } from '@app/core';
import { wechatConfig, type WechatConfig } from '../wechat.settings';
import { IpAllowlistService } from '../allowlist/ip-allowlist.service';
import { IpRejectionCounter } from '../allowlist/ip-rejection.counter';
import { messageKey, WechatDispatcher } from '../dispatch/wechat-dispatcher';
import { LateReplyNotifier } from '../notify/late-reply.notifier';
import { BUSY_TEXT, PENDING_TEXT } from '../routing/reply-texts';
import { buildEncryptedEnvelope, buildTextReply } from '../xml/wechat-xml.codec';
import { type CallbackQuery, WechatRequestVerifier } from './wechat-request.verifier';

/** One /wx request in this many is logged at info, so a healthy flow stays visible but cheap. */
const LOG_SAMPLE_EVERY = 1000;
const XML = 'application/xml; charset=utf-8';

interface WxRequest extends FastifyRequest {
  wxQuery?: CallbackQuery;
}

/**
 * The URL configured in the Official Account console ("服务器配置"), the hot path of the product.
 * A plain Fastify route inside Nest's DI: no Nest pipeline (guards, pipes, interceptors), no
 * helmet or CORS (nobody's browser reads an XML callback), no per-request log line. The query is
 * checked before the body is read; the body is capped whatever its content type.
 */
@Injectable()
export class WechatCallbackRoute implements OnModuleInit {
  private readonly logger = new Logger('WechatCallback');
  private served = 0;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly verifier: WechatRequestVerifier,
    private readonly dispatcher: WechatDispatcher,
    private readonly lateReplies: LateReplyNotifier,
    private readonly allowlist: IpAllowlistService,
    private readonly ipRejections: IpRejectionCounter,
    private readonly metrics: MetricsService,
    @Inject(wechatConfig.KEY) private readonly cfg: WechatConfig,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify) return;
    const common = {
      url: '/wx',
      bodyLimit: this.cfg.bodyLimitBytes,
      config: { cors: false },
      helmet: false as const,
      onRequest: (req: WxRequest, reply: FastifyReply) => this.admit(req, reply),
      // Fastify's own refusals here (413 body too large, 415 content type) read like ours.
      errorHandler: (err: unknown, _req: FastifyRequest, reply: FastifyReply) =>
        this.refuse(reply, err),
    };
    fastify.route({
      ...common,
      method: 'GET',
      handler: (req: WxRequest, reply) => this.verifyEcho(req, reply),
    });
    fastify.route({
      ...common,
      method: 'POST',
      handler: (req: WxRequest, reply) => this.receive(req, reply),
    });
  }

  /** Runs before the body is read: allow-list, then the query-only signature checks. */
  private async admit(req: WxRequest, reply: FastifyReply): Promise<void> {
    try {
      await this.checkSource(req.ip);
      const q = this.verifier.callbackQuery(req.query);
      this.verifier.verifySignature(q);
      if (req.method === 'POST') this.verifier.checkMode(q);
      req.wxQuery = q;
    } catch (err) {
      this.refuse(reply, err);
    }
  }

  private verifyEcho(req: WxRequest, reply: FastifyReply): void {
    try {
      const echo = this.verifier.verifyEcho(req.wxQuery ?? {});
      void reply.header('content-type', 'text/plain; charset=utf-8').send(echo);
    } catch (err) {
      this.refuse(reply, err);
    }
  }

  private async receive(req: WxRequest, reply: FastifyReply): Promise<void> {
    const started = performance.now();
    const q = req.wxQuery ?? {};
    let fields: Record<string, string>;
    let encrypted: boolean;
    try {
      ({ fields, encrypted } = this.verifier.readMessage(q, req.body));
      if (!encrypted) await this.verifier.bindPlainSignature(q, req.body as string);
    } catch (err) {
      this.refuse(reply, err);
      return;
    }
    const text = await this.withinDeadline(
      this.dispatcher.dispatch(fields),
      (late) =>
        // The follower was told "in progress"; the real answer follows as a customer-service message.
        void late.then((t) =>
          t ? this.lateReplies.deliver(fields.FromUserName, messageKey(fields), t) : false,
        ),
    );
    // "success" tells WeChat we got it and have nothing to say (no retry, no error shown).
    let body = 'success';
    if (text !== null) {
      const xml = buildTextReply({
        toUser: fields.FromUserName,
        fromUser: fields.ToUserName,
        content: text,
      });
      body = encrypted
        ? buildEncryptedEnvelope(this.verifier.encryptReply(xml, randomNonce()))
        : xml;
    }
    void reply.header('content-type', XML).send(body);
    this.noteServed(fields, performance.now() - started);
  }

  private async checkSource(ip: string): Promise<void> {
    const verdict = await this.allowlist.check(ip);
    if (verdict === 'allowed') return;
    if (verdict === 'unavailable') {
      // No list was ever fetched: 503 makes WeChat retry instead of dropping the message for good.
      this.ipRejections.increment('list_unavailable');
      throw new ServiceUnavailableException('Callback IP list unavailable');
    }
    this.ipRejections.increment('not_listed');
    this.logger.warn(`/wx request from ${ip} refused: not in WECHAT_IP_ALLOWLIST`);
    throw new ForbiddenException(`Source IP ${ip} is not allowed`);
  }

  /** Clear 4xx for the caller; refusals are counted by reason (the allow-list counts its own 403s). */
  refuse(reply: FastifyReply, err: unknown): void {
    if (reply.sent) return;
    const body = toApiErrorBody(err);
    if (body.statusCode >= 500) {
      this.logger.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    } else if (body.statusCode !== 403) {
      this.metrics.rejected.inc({ reason: slug(body.error) });
    }
    void reply
      .status(body.statusCode)
      .header('content-type', 'application/json; charset=utf-8')
      .send(JSON.stringify(body));
  }

  /** Errors, slow requests and a sample are logged; a healthy request writes nothing. */
  private noteServed(fields: Record<string, string>, ms: number): void {
    this.served++;
    if (ms >= this.cfg.slowRequestMs) {
      this.logger.warn(`slow /wx ${fields.MsgType}/${fields.Event ?? ''}: ${ms.toFixed(1)} ms`);
    } else if (this.served % LOG_SAMPLE_EVERY === 0) {
      this.logger.log(`/wx sample: ${fields.MsgType} answered in ${ms.toFixed(1)} ms`);
    }
  }

  /** Whatever happens downstream, the follower gets an answer inside WeChat's 5 s window. */
  private async withinDeadline(
    work: Promise<string | null>,
    onLate: (late: Promise<string | null>) => void,
  ): Promise<string | null> {
    let timer: NodeJS.Timeout | undefined;
    const guarded: Promise<string | null> = work.catch((err: unknown) => {
      this.logger.error(
        `message handling failed: ${err instanceof Error ? err.stack : String(err)}`,
      );
      return BUSY_TEXT;
    });
    const deadline = new Promise<string>((resolve) => {
      timer = setTimeout(() => {
        this.logger.warn(`reply deadline of ${this.cfg.replyDeadlineMs} ms reached`);
        onLate(guarded);
        resolve(PENDING_TEXT);
      }, this.cfg.replyDeadlineMs);
    });
    try {
      return await Promise.race([guarded, deadline]);
    } finally {
      clearTimeout(timer);
    }
  }
}
