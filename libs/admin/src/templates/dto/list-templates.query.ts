import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsOptional } from 'class-validator';
import { PageQuery } from '@app/core';
import { TemplateStatus } from '@app/coupon';

export class ListTemplatesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: TemplateStatus, enumName: 'TemplateStatus' })
  @IsOptional()
  @IsEnum(TemplateStatus)
  status?: TemplateStatus;
}
