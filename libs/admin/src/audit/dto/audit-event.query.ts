import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { AUDIT_KINDS, type AuditKind, IsIsoDateTime, PageQuery } from '@app/core';
import { IsAfter } from './is-after.validator';

const OUTCOME = /^[A-Z][A-Z_]{1,31}$/;

/** Paged time-range filter of the log list; `from` inclusive, `to` exclusive. */
class TimeRangeQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'ISO-8601 time, inclusive', example: '2026-11-01T00:00:00Z' })
  @IsOptional()
  @IsIsoDateTime()
  from?: string;

  @ApiPropertyOptional({ description: 'ISO-8601 time, exclusive', example: '2026-12-01T00:00:00Z' })
  @IsOptional()
  @IsIsoDateTime()
  @IsAfter('from')
  to?: string;

  @ApiPropertyOptional({ minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  templateId?: number;
}

export class AuditEventQuery extends TimeRangeQuery {
  @ApiPropertyOptional({ maxLength: 64, description: "Follower's openid" })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  openid?: string;

  @ApiPropertyOptional({
    description: 'GRANTED, SOLD_OUT, LIMIT_REACHED, NOT_STARTED, ENDED, PAUSED, REJECTED, ERROR...',
    example: 'GRANTED',
  })
  @IsOptional()
  @Matches(OUTCOME, { message: 'outcome must be an upper-case outcome name such as GRANTED' })
  outcome?: string;

  @ApiPropertyOptional({
    enum: AUDIT_KINDS,
    description: 'What happened: a claim attempt, a redemption, its undo, or a revocation',
    example: 'REDEEM',
  })
  @IsOptional()
  @IsIn(AUDIT_KINDS, { message: `kind must be one of ${AUDIT_KINDS.join(', ')}` })
  kind?: AuditKind;
}

/** Separate class (not a subclass): class-validator would inherit @IsOptional on from/to. */
export class AuditEventSummaryQuery {
  @ApiProperty({ description: 'ISO-8601 time, inclusive', example: '2026-11-01T00:00:00Z' })
  @IsIsoDateTime()
  from: string;

  @ApiProperty({ description: 'ISO-8601 time, exclusive', example: '2026-12-01T00:00:00Z' })
  @IsIsoDateTime()
  @IsAfter('from')
  to: string;

  @ApiPropertyOptional({ minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  templateId?: number;
}
