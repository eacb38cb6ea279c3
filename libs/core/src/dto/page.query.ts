import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** Deeper than any real browsing; keeps OFFSET a safe integer (page=1e18 is a 400, not a 500). */
export const MAX_PAGE = 100_000;

/** The one pageSize rule of the admin lists (≤ 100), for keyset-paged lists too:
 * `@PageSize() pageSize = 20;` */
export function PageSize(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: 'integer', default: 20, minimum: 1, maximum: 100, example: 20 }),
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(1),
    Max(100),
  );
}

/** page / pageSize query parameters shared by the offset-paged admin lists. */
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

  @PageSize()
  pageSize: number = 20;
}
