import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { IsIsoDateTime } from '@app/core';
import type { CreateFissionCampaignInput } from '@app/growth';

export class CreateFissionCampaignDto implements CreateFissionCampaignInput {
  @ApiProperty({ example: '邀 3 位好友得 20 元券', maxLength: 64 })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  name: string;

  @ApiProperty({ example: 12, description: 'The coupon template friends claim through the link' })
  @IsInt()
  @Min(1)
  templateId: number;

  @ApiProperty({ example: 3, description: 'Counted friends per reward' })
  @IsInt()
  @Min(1)
  @Max(1000)
  invitesRequired: number;

  @ApiProperty({
    example: 13,
    description: "The sharer's reward template (its stock and per-user limit still apply)",
  })
  @IsInt()
  @Min(1)
  rewardTemplateId: number;

  @ApiProperty({ example: 5, description: 'Rewards one sharer may earn at most' })
  @IsInt()
  @Min(1)
  @Max(1000)
  maxRewardsPerSharer: number;

  @ApiPropertyOptional({
    example: false,
    description: 'Count only friends who subscribed after startsAt',
  })
  @IsOptional()
  @IsBoolean()
  newFollowersOnly?: boolean;

  @ApiProperty({ example: '2026-12-01T00:00:00Z', format: 'date-time' })
  @IsIsoDateTime()
  startsAt: string;

  @ApiProperty({
    example: '2026-12-31T16:00:00Z',
    format: 'date-time',
    description: 'Share links expire with the campaign',
  })
  @IsIsoDateTime()
  endsAt: string;

  @ApiPropertyOptional({
    example: '邀请好友',
    maxLength: 32,
    description: 'Text a follower sends to get their personal link',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(32)
  shareKeyword?: string;

  @ApiPropertyOptional({
    example: 'FISSION_SHARE',
    maxLength: 64,
    description: 'Menu CLICK key that answers with the link',
  })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_.:-]{1,64}$/)
  menuKey?: string;
}
