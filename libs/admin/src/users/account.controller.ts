import { Body, Controller, HttpCode, Ip, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNoContentResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { AdminPrincipal } from '../auth/admin-principal';
import { CurrentAdmin } from '../auth/current-admin.decorator';
import { AnyAdmin } from '../auth/roles.decorator';
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
  @AnyAdmin()
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
  @ApiTooManyRequestsResponse({
    type: ApiErrorResponse,
    description: 'Too many wrong passwords for this account (shared with login); see Retry-After',
  })
  async changePassword(
    @Body() dto: ChangePasswordDto,
    @CurrentAdmin() admin: AdminPrincipal,
    @Ip() ip: string,
  ): Promise<void> {
    await this.users.changeOwnPassword(admin, ip, dto.currentPassword, dto.newPassword);
  }
}
