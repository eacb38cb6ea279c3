import { createHash } from 'node:crypto';
import { type ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { FastifyRequest } from 'fastify';

export const ADMIN_API_PREFIX = '/api/v1/admin';

/**
 * Limits the admin API per bearer token (per client IP when there is none). /wx is never
 * throttled here: all of it comes from WeChat's servers; followers are limited by openid there.
 */
@Injectable()
export class AdminThrottlerGuard extends ThrottlerGuard {
  protected override shouldSkip(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<FastifyRequest>();
    return Promise.resolve(!req.url.startsWith(ADMIN_API_PREFIX));
  }

  protected override getTracker(req: Record<string, unknown>): Promise<string> {
    const r = req as unknown as FastifyRequest;
    const auth = r.headers.authorization;
    if (typeof auth === 'string' && /^bearer\s+\S+/i.test(auth)) {
      // A digest, so the token itself never becomes a Redis key.
      return Promise.resolve(
        `t:${createHash('sha256').update(auth.slice(7).trim()).digest('hex').slice(0, 32)}`,
      );
    }
    return Promise.resolve(`ip:${r.ip}`);
  }
}
