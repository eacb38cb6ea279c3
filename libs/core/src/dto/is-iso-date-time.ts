import { isISO8601, registerDecorator, type ValidationOptions } from 'class-validator';

/** What MySQL DATETIME can hold; outside it a row cannot be written or compared sensibly. */
const MIN = Date.UTC(1000, 0, 1);
const MAX = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** A strict ISO-8601 string that JavaScript can also turn into a time MySQL can store. */
export function isIsoDateTime(value: unknown): value is string {
  if (typeof value !== 'string' || !isISO8601(value, { strict: true })) return false;
  const ms = Date.parse(value);
  return Number.isFinite(ms) && ms >= MIN && ms <= MAX;
}

/**
 * Like `@IsISO8601({ strict: true })`, but also refuses the ISO forms `Date` cannot parse
 * (`2026-W10`, `20260601`, `2026-06-01T10Z`): those used to pass validation and then became a 500
 * (a NULL column, a RangeError) or, in a filter, silently no filter at all.
 */
export function IsIsoDateTime(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) => {
    registerDecorator({
      name: 'isIsoDateTime',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: '$property must be an ISO-8601 date-time such as 2026-06-01T10:00:00Z',
        ...options,
      },
      validator: { validate: (value: unknown) => isIsoDateTime(value) },
    });
  };
}
