import { ApiProperty } from '@nestjs/swagger';
import { AdminRole } from '../entities/admin-user.entity';

export class LoginResponseDto {
  @ApiProperty({ example: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9...' })
  accessToken: string;

  @ApiProperty({ example: 3600, description: 'Seconds until the token expires' })
  expiresIn: number;

  @ApiProperty({ example: 'Bearer', enum: ['Bearer'] })
  tokenType: 'Bearer';

  @ApiProperty({ enum: AdminRole, enumName: 'AdminRole', example: AdminRole.ADMIN })
  role: AdminRole;
}
