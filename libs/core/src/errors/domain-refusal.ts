/** The kinds of "no" a domain library gives, in its own words (no HTTP status, no Nest). */
export type RefusalKind = 'invalid' | 'not_found' | 'conflict' | 'unprocessable';

/**
 * Base of every refusal a domain library (coupon, growth...) raises. The one place that turns a
 * refusal into an HTTP answer is `toApiErrorBody` through `REFUSAL_STATUS`; `details` becomes the
 * body's `details` as is (e.g. `{ reason }` or the field errors).
 */
export class DomainRefusal extends Error {
  constructor(
    readonly kind: RefusalKind,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Refusal kind -> HTTP status: the edges' single mapping table. */
export const REFUSAL_STATUS: Readonly<Record<RefusalKind, number>> = {
  invalid: 400,
  not_found: 404,
  conflict: 409,
  unprocessable: 422,
};
