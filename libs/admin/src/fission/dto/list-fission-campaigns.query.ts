import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsOptional } from 'class-validator';
import { PageQuery } from '@app/core';
import { FissionStatus } from '@app/growth';

export class ListFissionCampaignsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: FissionStatus, enumName: 'FissionStatus' })
  @IsOptional()
  @IsEnum(FissionStatus)
  status?: FissionStatus;
}
