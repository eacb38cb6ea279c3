import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** Deeper than any real browsing; keeps OFFSET a safe integer (page=1e18 is a 400, not a 500). */
export const MAX_PAGE = 100_000;

/** page / pageSize query parameters shared by the paginated admin lists (pageSize ≤ 100). */
export class PageQuery {
  // `type` is explicit: without it the initializer leaves no design type and Swagger UI renders
  // the parameter as an object box.
  @ApiPropertyOptional({ type: 'integer', default: 1, minimum: 1, maximum: MAX_PAGE, example: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  page: number = 1;

  @ApiPropertyOptional({ type: 'integer', default: 20, minimum: 1, maximum: 100, example: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize: number = 20;
}
