import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { ApiErrorBody } from './api-error';

/** Maps anything thrown to ApiErrorBody; never leaks a stack trace or an internal message. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(HttpExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500) {
      this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    }
    void reply
      .status(body.statusCode)
      .header('content-type', 'application/json; charset=utf-8')
      .send(JSON.stringify(body));
  }

  private toBody(exception: unknown): ApiErrorBody {
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const response = exception.getResponse();
      const error = reasonPhrase(statusCode);
      if (typeof response === 'string') return { statusCode, error, message: response };
      const r = response as { message?: unknown; details?: unknown };
      const message = Array.isArray(r.message)
        ? r.message.join('; ')
        : typeof r.message === 'string'
          ? r.message
          : exception.message;
      return r.details === undefined
        ? { statusCode, error, message }
        : { statusCode, error, message, details: r.details };
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
