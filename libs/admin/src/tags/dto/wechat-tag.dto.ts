import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

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
