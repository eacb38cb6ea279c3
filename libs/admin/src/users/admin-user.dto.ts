import { ApiProperty } from '@nestjs/swagger';
import { IsEnum, IsNotEmpty, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { ADMIN_USERNAME, AdminRole } from '../auth/entities/admin-user.entity';

const PASSWORD_RULES = { minLength: 12, maxLength: 256, format: 'password' } as const;

export class CreateAdminUserDto {
  @ApiProperty({ example: 'clerk_shop1', pattern: '^[A-Za-z0-9_.-]{3,64}$' })
  @Matches(ADMIN_USERNAME, { message: 'username must be 3-64 of [A-Za-z0-9_.-]' })
  username: string;

  @ApiProperty({ example: 'a-long-initial-password', ...PASSWORD_RULES })
  @IsString()
  @MinLength(12)
  @MaxLength(256)
  password: string;

  @ApiProperty({ enum: AdminRole, enumName: 'AdminRole', example: AdminRole.CLERK })
  @IsEnum(AdminRole)
  role: AdminRole;
}

export class ResetPasswordDto {
  @ApiProperty({ example: 'a-new-long-password', ...PASSWORD_RULES })
  @IsString()
  @MinLength(12)
  @MaxLength(256)
  newPassword: string;
}

export class ChangePasswordDto {
  @ApiProperty({ example: 'change-me-please-123', maxLength: 256, format: 'password' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(256)
  currentPassword: string;

  @ApiProperty({ example: 'a-new-long-password', ...PASSWORD_RULES })
  @IsString()
  @MinLength(12)
  @MaxLength(256)
  newPassword: string;
}
