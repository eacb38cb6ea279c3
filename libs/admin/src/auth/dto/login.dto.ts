import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'admin', maxLength: 64 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  username: string;

  /** Capped so nobody can make the server hash megabytes per request. */
  @ApiProperty({ example: 'change-me-please-123', maxLength: 256, format: 'password' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(256)
  password: string;
}
