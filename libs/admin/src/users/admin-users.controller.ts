import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { AdminPrincipal } from '../auth/admin-principal';
import { CurrentAdmin } from '../auth/current-admin.decorator';
import { AdminUserView } from '../auth/dto/admin-user.view';
import { AdminRole } from '../auth/entities/admin-user.entity';
import { Roles } from '../auth/roles.decorator';
import { ApiErrorResponse } from '../common/api-error.response';
import { CreateAdminUserDto, ResetPasswordDto } from './admin-user.dto';
import { AdminUsersService } from './admin-users.service';
import { ApiAdminAuth } from '../common/api-admin-auth.decorator';

const ID = new ParseIntPipe({ errorHttpStatusCode: 400 });

@ApiTags('admin-users')
@ApiAdminAuth({ forbidden: 'Caller is not an ADMIN' })
@Roles(AdminRole.ADMIN)
@Controller('api/v1/admin/users')
export class AdminUsersController {
  constructor(private readonly users: AdminUsersService) {}

  @Post()
  @ApiOperation({ operationId: 'createAdminUser', summary: 'Create an admin user with a role' })
  @ApiCreatedResponse({ type: AdminUserView })
  @ApiBadRequestResponse({ type: ApiErrorResponse, description: 'Invalid fields' })
  @ApiConflictResponse({ type: ApiErrorResponse, description: 'Username taken' })
  create(@Body() dto: CreateAdminUserDto): Promise<AdminUserView> {
    return this.users.create(dto);
  }

  @Get()
  @ApiOperation({
    operationId: 'listAdminUsers',
    summary: 'List admin users (never password hashes)',
  })
  @ApiOkResponse({ type: AdminUserView, isArray: true })
  list(): Promise<AdminUserView[]> {
    return this.users.list();
  }

  @Post(':id/disable')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'disableAdminUser',
    summary: 'Disable a user; their tokens stop working at once',
  })
  @ApiParam({ name: 'id', type: Number })
  @ApiOkResponse({ type: AdminUserView })
  @ApiNotFoundResponse({ type: ApiErrorResponse })
  @ApiConflictResponse({ type: ApiErrorResponse, description: 'Cannot disable yourself' })
  disable(
    @Param('id', ID) id: number,
    @CurrentAdmin() admin: AdminPrincipal,
  ): Promise<AdminUserView> {
    return this.users.setDisabled(id, true, admin.id);
  }

  @Post(':id/enable')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'enableAdminUser',
    summary: 'Enable a user again (they must log in anew)',
  })
  @ApiParam({ name: 'id', type: Number })
  @ApiOkResponse({ type: AdminUserView })
  @ApiNotFoundResponse({ type: ApiErrorResponse })
  enable(
    @Param('id', ID) id: number,
    @CurrentAdmin() admin: AdminPrincipal,
  ): Promise<AdminUserView> {
    return this.users.setDisabled(id, false, admin.id);
  }

  @Post(':id/reset-password')
  @HttpCode(204)
  @ApiOperation({
    operationId: 'resetAdminUserPassword',
    summary: "Set a user's password; their existing tokens stop working",
  })
  @ApiParam({ name: 'id', type: Number })
  @ApiNoContentResponse({ description: 'Password replaced' })
  @ApiBadRequestResponse({ type: ApiErrorResponse, description: 'Password too short/long' })
  @ApiNotFoundResponse({ type: ApiErrorResponse })
  async resetPassword(@Param('id', ID) id: number, @Body() dto: ResetPasswordDto): Promise<void> {
    await this.users.resetPassword(id, dto.newPassword);
  }
}
