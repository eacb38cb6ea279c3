import { ApiProperty } from '@nestjs/swagger';
import { AdminRole, type AdminUser } from '../entities/admin-user.entity';

/** An admin user as the API shows it: never the password hash or token version. */
export class AdminUserView {
  @ApiProperty({ example: 1 })
  id: number;

  @ApiProperty({ example: 'admin' })
  username: string;

  @ApiProperty({ enum: AdminRole, enumName: 'AdminRole', example: AdminRole.ADMIN })
  role: AdminRole;

  @ApiProperty({ example: false })
  disabled: boolean;

  @ApiProperty({ example: '2024-11-26T00:00:00.000Z', type: String, format: 'date-time' })
  createdAt: string;

  static from(user: AdminUser): AdminUserView {
    const view = new AdminUserView();
    view.id = user.id;
    view.username = user.username;
    view.role = user.role;
    view.disabled = user.disabled;
    view.createdAt = user.createdAt.toISOString();
    return view;
  }
}
