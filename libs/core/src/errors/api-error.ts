import { HttpException, HttpStatus } from '@nestjs/common';

/** The one error body every endpoint returns. */
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: unknown;
}

export interface FieldError {
  field: string;
  errors: string[];
}

/** A client error with a machine-readable `details` payload (e.g. which field is wrong). */
export class ApiException extends HttpException {
  constructor(status: HttpStatus, message: string, details?: unknown) {
    super({ message, details }, status);
  }
}

export function fieldError(field: string, message: string): ApiException {
  return new ApiException(HttpStatus.BAD_REQUEST, `${field}: ${message}`, [
    { field, errors: [message] } satisfies FieldError,
  ]);
}

/** 429 in the standard body; the exception filter adds the Retry-After header. */
export class RateLimitedException extends ApiException {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(HttpStatus.TOO_MANY_REQUESTS, message, { retryAfterSeconds });
  }
}
