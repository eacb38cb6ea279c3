import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUrl, MaxLength } from 'class-validator';

export class JssdkConfigQuery {
  @ApiProperty({
    example: 'https://h5.example.com/h5/share/AQAAAAcAAAAq',
    description: 'The page URL (its #fragment is ignored); must be one of our H5 pages',
  })
  @IsString()
  @MaxLength(1024)
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  url: string;
}

export class JssdkConfigView {
  @ApiProperty({ example: 'wx1234567890abcdef' }) appId: string;
  @ApiProperty({ example: 1414587457 }) timestamp: number;
  @ApiProperty({ example: 'Wm3WZYTPz0wzccnW' }) nonceStr: string;
  @ApiProperty({ example: '0f9de62fce790f9a083d5c99e95740ceb90c27ed' }) signature: string;
}
