import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsIn, IsOptional, IsString, ValidateNested } from 'class-validator';

/**
 * Shape only: WeChat's limits (button counts, byte lengths, type vs sub_button) are checked by
 * the menu service so the 400 can name the button as WeChat would, e.g. `button[1].sub_button[5]`.
 */
export class WechatMenuButtonDto {
  @ApiProperty({
    description: 'Top level ≤ 16 bytes, sub-button ≤ 60 bytes (UTF-8)',
    example: '领券',
  })
  @IsString()
  name: string;

  @ApiPropertyOptional({ enum: ['click', 'view'], description: 'Absent when sub_button is set' })
  @IsOptional()
  @IsIn(['click', 'view'])
  type?: 'click' | 'view';

  @ApiPropertyOptional({
    description: 'click: the EventKey, e.g. a template menuKey (≤ 128 bytes)',
    example: 'COUPON_NEW',
  })
  @IsOptional()
  @IsString()
  key?: string;

  @ApiPropertyOptional({ description: 'view: the page to open (≤ 1024 bytes)' })
  @IsOptional()
  @IsString()
  url?: string;

  @ApiPropertyOptional({ type: () => [WechatMenuButtonDto], description: '≤ 5 sub-buttons' })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => WechatMenuButtonDto)
  sub_button?: WechatMenuButtonDto[];
}

export class WechatMenuDto {
  @ApiProperty({ type: [WechatMenuButtonDto], description: '≤ 3 top-level buttons' })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => WechatMenuButtonDto)
  button: WechatMenuButtonDto[];
}
