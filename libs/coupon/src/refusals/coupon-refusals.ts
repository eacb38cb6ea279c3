import { DomainRefusal, type FieldError } from '@app/core';

/** Something asked for by id or code does not exist (a 404 at the edge). */
export class NotFound extends DomainRefusal {
  constructor(message: string) {
    super('not_found', message);
  }
}

/**
 * The request cannot apply to the thing as it is now: an illegal status change, a stale version,
 * a lost compare-and-set race (a 409 at the edge). `details` says more when a caller can act on it
 * (e.g. `{ refusedFields }`).
 */
export class StateConflict extends DomainRefusal {
  constructor(message: string, details?: Record<string, unknown>) {
    super('conflict', message, details);
  }
}

/** Machine-readable reasons of a refused redemption or undo (`details.reason` at the edge). */
export enum RedeemRefusal {
  ALREADY_USED = 'ALREADY_USED',
  REVOKED = 'REVOKED',
  EXPIRED = 'EXPIRED',
  NOT_YET_VALID = 'NOT_YET_VALID',
  OUTSIDE_USAGE_WINDOW = 'OUTSIDE_USAGE_WINDOW',
  BELOW_THRESHOLD = 'BELOW_THRESHOLD',
  REQUEST_NO_REUSED = 'REQUEST_NO_REUSED',
  REDEMPTION_UNDONE = 'REDEMPTION_UNDONE',
  UNDO_WINDOW_PASSED = 'UNDO_WINDOW_PASSED',
}

/**
 * A coupon that may not be used (or a redemption that may not be undone) right now, with its
 * reason. The coupon's state is the problem (409), except an order too small for it: the request
 * is well-formed but cannot be honoured (422).
 */
export class CouponRefusal extends DomainRefusal {
  constructor(
    readonly reason: RedeemRefusal,
    message: string,
  ) {
    super(reason === RedeemRefusal.BELOW_THRESHOLD ? 'unprocessable' : 'conflict', message, {
      reason,
    });
  }
}

/** Input that breaks a rule, naming each field and what is wrong with it (a 400 at the edge). */
export class RuleViolation extends DomainRefusal {
  constructor(readonly fieldErrors: FieldError[]) {
    super(
      'invalid',
      fieldErrors.map((e) => `${e.field}: ${e.errors.join(', ')}`).join('; '),
      fieldErrors,
    );
  }

  static of<T extends RuleViolation>(
    this: new (errors: FieldError[]) => T,
    field: string,
    message: string,
  ): T {
    return new this([{ field, errors: [message] }]);
  }
}

/** A template create or edit that breaks a template rule (fields contradicting each other...). */
export class TemplateRuleViolation extends RuleViolation {}
