import { BadRequestException, ConflictException, NotFoundException } from '@nestjs/common';
import { ApiException, fieldError, toApiErrorBody } from '@app/core';
import {
  CouponRefusal,
  NotFound,
  RedeemRefusal,
  RuleViolation,
  StateConflict,
  TemplateRuleViolation,
} from './coupon-refusals';

// Each refusal must answer exactly what the Nest exception it replaced answered (status, error,
// message, details): the admin API's error bodies are a contract.
describe('coupon refusals over HTTP (toApiErrorBody)', () => {
  it('NotFound is the 404 NotFoundException gave', () => {
    const msg = 'Coupon 7K3M9Q2XW8RTV4PZ not found';
    expect(toApiErrorBody(new NotFound(msg))).toEqual(toApiErrorBody(new NotFoundException(msg)));
    expect(toApiErrorBody(new NotFound(msg))).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: msg,
    });
  });

  it('StateConflict is the 409 ConflictException gave, with details when it has them', () => {
    const msg = 'Cannot pause a template that is DRAFT';
    expect(toApiErrorBody(new StateConflict(msg))).toEqual(
      toApiErrorBody(new ConflictException(msg)),
    );
    const details = { refusedFields: ['perUserLimit'] };
    expect(toApiErrorBody(new StateConflict(msg, details))).toEqual(
      toApiErrorBody(new ApiException(409, msg, details)),
    );
  });

  it.each(Object.values(RedeemRefusal))('CouponRefusal %s keeps its status and reason', (r) => {
    const status = r === RedeemRefusal.BELOW_THRESHOLD ? 422 : 409;
    const body = toApiErrorBody(new CouponRefusal(r, 'no'));
    expect(body).toEqual(toApiErrorBody(new ApiException(status, 'no', { reason: r })));
    expect(body).toMatchObject({ statusCode: status, details: { reason: r } });
  });

  it('RuleViolation names each field, as fieldError and the field checks did', () => {
    expect(toApiErrorBody(RuleViolation.of('cursor', 'cursor is not a valid page cursor'))).toEqual(
      toApiErrorBody(fieldError('cursor', 'cursor is not a valid page cursor')),
    );
    const errors = [
      { field: 'claimEndsAt', errors: ['claimEndsAt must be after claimStartsAt'] },
      { field: 'keyword', errors: ['a', 'b'] },
    ];
    const body = toApiErrorBody(new TemplateRuleViolation(errors));
    expect(body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'claimEndsAt: claimEndsAt must be after claimStartsAt; keyword: a, b',
      details: errors,
    });
    expect(body.statusCode).toBe(new BadRequestException().getStatus());
    expect(TemplateRuleViolation.of('name', 'name is required')).toBeInstanceOf(
      TemplateRuleViolation,
    );
  });
});
