import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNoContentResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { AdminPrincipal } from '../auth/admin-principal';
import { CurrentAdmin } from '../auth/current-admin.decorator';
import { ApiErrorResponse } from '../common/api-error.response';
import { ChangePasswordDto } from './admin-user.dto';
import { AdminUsersService } from './admin-users.service';
import { ApiAdminAuth } from '../common/api-admin-auth.decorator';

/** Self-service for any role; lives under /auth next to login and me. */
@ApiTags('admin-auth')
@ApiAdminAuth({ forbidden: false })
@Controller('api/v1/admin/auth')
export class AccountController {
  constructor(private readonly users: AdminUsersService) {}

  @Post('change-password')
  @HttpCode(204)
  @ApiOperation({
    operationId: 'changeOwnPassword',
    summary: 'Change your own password (any role); every token of yours, this one too, ends',
  })
  @ApiNoContentResponse({ description: 'Changed; log in again' })
  @ApiBadRequestResponse({
    type: ApiErrorResponse,
    description: 'currentPassword wrong, or newPassword invalid / unchanged',
  })
  @ApiUnauthorizedResponse({ type: ApiErrorResponse, description: 'Missing or invalid token' })
  async changePassword(
    @Body() dto: ChangePasswordDto,
    @CurrentAdmin() admin: AdminPrincipal,
  ): Promise<void> {
    await this.users.changeOwnPassword(admin.id, dto.currentPassword, dto.newPassword);
  }
}
