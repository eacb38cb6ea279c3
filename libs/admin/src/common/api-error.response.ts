import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One entry of a 400's `details`: which field is wrong and why. */
export class FieldErrorView {
  @ApiProperty({ example: 'amountCents' }) field: string;
  @ApiProperty({ type: [String], example: ['amountCents must be an integer number'] })
  errors: string[];
}

/**
 * OpenAPI shape of the error body for 400 (validation: `details` lists the bad fields) and for
 * 401/403/404 (no `details`). Each response gets an example with its own status (see openapi/).
 */
export class ApiErrorResponse {
  @ApiProperty({ type: 'integer', example: 400 }) statusCode: number;
  @ApiProperty({ example: 'Bad Request' }) error: string;
  @ApiProperty({ example: 'Validation failed: amountCents must be an integer number' })
  message: string;
  @ApiPropertyOptional({
    type: [FieldErrorView],
    description: 'Validation errors: one entry per bad field',
  })
  details?: FieldErrorView[];
}

/** Error body of refusals (409, 422, 429): `details` says why, e.g. {reason} or {refusedFields}. */
export class ApiRefusalResponse {
  @ApiProperty({ type: 'integer', example: 409 }) statusCode: number;
  @ApiProperty({ example: 'Conflict' }) error: string;
  @ApiProperty({ example: 'Coupon has already been used' }) message: string;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description:
      'Why it was refused: {reason} (redemption), {refusedFields} (template edit), ' +
      '{retryAfterSeconds} (429)',
    example: { reason: 'ALREADY_USED' },
  })
  details?: Record<string, unknown>;
}
