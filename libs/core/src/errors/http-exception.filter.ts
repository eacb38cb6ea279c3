import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { MetricsService } from '../metrics/metrics.service';
import { type ApiErrorBody, RateLimitedException } from './api-error';
import { DomainRefusal, REFUSAL_STATUS } from './domain-refusal';

/** Maps anything thrown to ApiErrorBody; never leaks a stack trace or an internal message. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(HttpExceptionFilter.name);

  constructor(private readonly metrics: MetricsService) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const body = toApiErrorBody(exception);
    const path = http.getRequest<FastifyRequest>().url.split('?')[0];
    if (path.startsWith('/wx') && body.statusCode < 500 && body.statusCode !== 403) {
      // Refused WeChat callbacks (bad signature, stale, malformed, too large); the IP allow-list
      // counts its own 403s with a precise reason.
      this.metrics.rejected.inc({ reason: slug(body.error) });
    }
    if (body.statusCode >= 500) {
      this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    }
    if (exception instanceof RateLimitedException) {
      void reply.header('Retry-After', String(exception.retryAfterSeconds));
    }
    void reply
      .status(body.statusCode)
      .header('content-type', 'application/json; charset=utf-8')
      .send(JSON.stringify(body));
  }
}

export function slug(phrase: string): string {
  return phrase.toLowerCase().replace(/[^a-z]+/g, '_');
}

function reasonPhrase(status: number): string {
  const name = HttpStatus[status];
  if (!name) return 'Error';
  return name
    .toLowerCase()
    .split('_')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

/** The one error body of every HTTP answer (Nest routes via the filter, /wx directly). */
export function toApiErrorBody(exception: unknown): ApiErrorBody {
  if (exception instanceof DomainRefusal) {
    const statusCode = REFUSAL_STATUS[exception.kind];
    const { message, details } = exception;
    const error = reasonPhrase(statusCode);
    return details === undefined
      ? { statusCode, error, message }
      : { statusCode, error, message, details };
  }
  if (exception instanceof HttpException) {
    const statusCode = exception.getStatus();
    const response = exception.getResponse();
    const error = reasonPhrase(statusCode);
    if (typeof response === 'string') return { statusCode, error, message: response };
    const r = response as { message?: unknown; details?: unknown } & Record<string, unknown>;
    const message = Array.isArray(r.message)
      ? r.message.join('; ')
      : typeof r.message === 'string'
        ? r.message
        : exception.message;
    // Keep what a library put in its body (e.g. terminus' per-check health result) as details.
    const { message: _m, statusCode: _s, error: _e, details, ...rest } = r;
    const extra = details ?? (Object.keys(rest).length > 0 ? rest : undefined);
    return extra === undefined
      ? { statusCode, error, message }
      : { statusCode, error, message, details: extra };
  }
  // Fastify's own errors (body too large, bad content type, bad JSON) carry a statusCode.
  const fst = exception as { statusCode?: unknown; message?: unknown };
  if (typeof fst.statusCode === 'number' && fst.statusCode >= 400 && fst.statusCode < 500) {
    return {
      statusCode: fst.statusCode,
      error: reasonPhrase(fst.statusCode),
      message: typeof fst.message === 'string' ? fst.message : 'Bad request',
    };
  }
  return {
    statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
    error: 'Internal Server Error',
    message: 'Internal server error',
  };
}
