import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Injectable,
  Logger,
  ServiceUnavailableException,
} from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { IpAllowlistService } from './ip-allowlist.service';
import { IpRejectionCounter } from './ip-rejection.counter';

/**
 * Lets only WeChat's servers reach /wx. The client IP is Fastify's `request.ip`, which honours
 * TRUST_PROXY (X-Forwarded-For only from trusted proxies). Refusals are counted.
 */
@Injectable()
export class IpAllowlistGuard implements CanActivate {
  private readonly logger = new Logger(IpAllowlistGuard.name);

  constructor(
    private readonly allowlist: IpAllowlistService,
    private readonly counter: IpRejectionCounter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const ip = context.switchToHttp().getRequest<FastifyRequest>().ip;
    const verdict = await this.allowlist.check(ip);
    if (verdict === 'allowed') return true;
    if (verdict === 'unavailable') {
      // No list was ever fetched: 503 makes WeChat retry instead of dropping the message for good.
      this.counter.increment('list_unavailable');
      throw new ServiceUnavailableException('Callback IP list unavailable');
    }
    this.counter.increment('not_listed');
    this.logger.warn(`/wx request from ${ip} refused: not in WECHAT_IP_ALLOWLIST`);
    throw new ForbiddenException(`Source IP ${ip} is not allowed`);
  }
}
