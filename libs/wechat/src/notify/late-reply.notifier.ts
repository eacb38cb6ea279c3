import { Inject, Injectable, Logger } from '@nestjs/common';
import { REDIS_CLIENT, type RedisClient } from '@app/core';
import { WechatApiClient } from '../api/wechat-api.client';

/** Long enough to outlive WeChat's retries of one message (~15 s) with a wide margin. */
const DEDUPE_SECONDS = 600;

/**
 * Delivers an answer that missed the passive-reply deadline as a customer-service message.
 * One message per WeChat request, even when a retry of it also runs late on another instance
 * (Redis SET NX on the request key). A send that fails is logged, never repeated blindly: it
 * may have been delivered.
 */
@Injectable()
export class LateReplyNotifier {
  private readonly logger = new Logger(LateReplyNotifier.name);

  constructor(
    private readonly api: WechatApiClient,
    @Inject(REDIS_CLIENT) private readonly redis: RedisClient,
  ) {}

  async deliver(openid: string, requestKey: string, text: string): Promise<boolean> {
    const first = await this.redis.set(`wx:late:${requestKey}`, '1', 'EX', DEDUPE_SECONDS, 'NX');
    if (!first) return false;
    try {
      await this.api.sendCustomText(openid, text);
      return true;
    } catch (err) {
      this.logger.error(`late reply for ${requestKey} not sent: ${(err as Error).message}`);
      return false;
    }
  }
}
