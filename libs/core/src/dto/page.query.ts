import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** The one pageSize rule of the admin lists (≤ 100), for keyset-paged lists too:
 * `@PageSize() pageSize = 20;` */
export function PageSize(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 }),
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(1),
    Max(100),
  );
}

/** page / pageSize query parameters shared by the offset-paged admin lists. */
export class PageQuery {
  @ApiPropertyOptional({ default: 1, minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page = 1;

  @PageSize()
  pageSize = 20;
}
