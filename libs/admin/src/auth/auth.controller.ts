import { Body, Controller, Get, Header, HttpCode, HttpStatus, Ip, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Public } from '@app/core';
import { ApiAdminAuth } from '../common/api-admin-auth.decorator';
import { ApiErrorResponse } from '../common/api-error.response';
import type { AdminPrincipal } from './admin-principal';
import { AuthService } from './auth.service';
import { CurrentAdmin } from './current-admin.decorator';
import { AdminPrincipalDto } from './dto/admin-principal.dto';
import { AdminUserView } from './dto/admin-user.view';
import { LoginResponseDto } from './dto/login-response.dto';
import { LoginDto } from './dto/login.dto';
import { AdminRole } from './entities/admin-user.entity';
import { AnyAdmin, Roles } from './roles.decorator';

/** Its 401 text as documented before the shared decorator (the console's generated types keep it). */
const REVOKED = 'Missing, invalid, expired or revoked token';

@ApiTags('admin-auth')
@Controller('api/v1/admin/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ operationId: 'login', summary: 'Exchange username + password for a bearer JWT' })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiBadRequestResponse({ description: 'Missing or unknown fields', type: ApiErrorResponse })
  @ApiUnauthorizedResponse({
    description: 'Wrong username or password, or the user is disabled',
    type: ApiErrorResponse,
  })
  @ApiTooManyRequestsResponse({
    description: 'Too many failed logins for this account or from this IP; see Retry-After',
    type: ApiErrorResponse,
  })
  login(@Body() body: LoginDto, @Ip() ip: string): Promise<LoginResponseDto> {
    return this.auth.login(body.username, body.password, ip);
  }

  @Get('me')
  @AnyAdmin()
  @ApiAdminAuth({ forbidden: false, unauthorized: REVOKED })
  @ApiOperation({
    operationId: 'getCurrentAdmin',
    summary: 'The admin this token belongs to (any role)',
  })
  @ApiOkResponse({ type: AdminPrincipalDto })
  me(@CurrentAdmin() admin: AdminPrincipal): AdminPrincipalDto {
    return admin;
  }

  @Get('users')
  @Roles(AdminRole.ADMIN)
  // RFC 9745 / RFC 8288: tell clients the alias is deprecated and where its successor lives.
  @Header('Deprecation', 'true')
  @Header('Link', '</api/v1/admin/users>; rel="successor-version"')
  @ApiAdminAuth({ forbidden: 'Caller is not an ADMIN', unauthorized: REVOKED })
  @ApiOperation({
    operationId: 'listAdminUsersLegacy',
    summary: 'Deprecated alias of GET /api/v1/admin/users (same body); kept for old clients',
    description:
      'Answers exactly like `listAdminUsers` (GET /api/v1/admin/users), which is where admin ' +
      'users are managed. New clients should use that path; this one stays for compatibility.',
    deprecated: true,
  })
  @ApiOkResponse({ type: AdminUserView, isArray: true })
  users(): Promise<AdminUserView[]> {
    return this.auth.listUsers();
  }
}
