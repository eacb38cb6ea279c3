import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsInt, IsOptional, IsString, MaxLength, Min, MinLength } from 'class-validator';

export class WechatTagView {
  @ApiProperty({ example: 134 }) id: number;
  @ApiProperty({ example: 'VIP' }) name: string;
  @ApiProperty({ description: 'Followers carrying the tag', example: 1200 }) count: number;
}

export class WechatTagList {
  @ApiProperty({ type: [WechatTagView] }) tags: WechatTagView[];
}

export class CreateWechatTagDto {
  @ApiProperty({ example: 'VIP', description: 'At most 30 bytes (UTF-8), unique on the account' })
  @IsString()
  @MinLength(1)
  @MaxLength(30)
  name: string;
}

export class CreatedWechatTag {
  @ApiProperty({ example: 134 }) id: number;
  @ApiProperty({ example: 'VIP' }) name: string;
}

export enum TaggableCouponStatus {
  USED = 'USED',
  AVAILABLE = 'AVAILABLE',
  EXPIRED = 'EXPIRED',
}

export class TagFromCouponsDto {
  @ApiProperty({ description: 'Tag the followers holding coupons of this template', example: 7 })
  @IsInt()
  @Min(1)
  templateId: number;

  @ApiPropertyOptional({
    enum: TaggableCouponStatus,
    description: 'Only coupons in this status (as readers see it); any but REVOKED when absent',
    example: TaggableCouponStatus.USED,
  })
  @IsOptional()
  @IsEnum(TaggableCouponStatus)
  status?: TaggableCouponStatus;
}
