import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** OpenAPI shape of the one error body every endpoint returns. */
export class ApiErrorResponse {
  @ApiProperty({ example: 400 }) statusCode: number;
  @ApiProperty({ example: 'Bad Request' }) error: string;
  @ApiProperty({ example: 'Validation failed: amountCents must be an integer number' })
  message: string;
  @ApiPropertyOptional({
    description: 'Field errors for 400s: [{field, errors[]}]',
    example: [{ field: 'amountCents', errors: ['amountCents must be an integer number'] }],
  })
  details?: unknown;
}
