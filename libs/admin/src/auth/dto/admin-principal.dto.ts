import { ApiProperty } from '@nestjs/swagger';
import type { AdminPrincipal } from '../admin-principal';
import { AdminRole } from '../entities/admin-user.entity';

export class AdminPrincipalDto implements AdminPrincipal {
  @ApiProperty({ example: 1 })
  id: number;

  @ApiProperty({ example: 'admin' })
  username: string;

  @ApiProperty({ enum: AdminRole, enumName: 'AdminRole', example: AdminRole.ADMIN })
  role: AdminRole;
}
