import { Controller, Get, NotFoundException, Param, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { FollowerService, type FollowerRecord, maskPhone } from '@app/coupon';
import { fieldError } from '@app/core';
import type { AdminPrincipal } from '../auth/admin-principal';
import { CurrentAdmin } from '../auth/current-admin.decorator';
import { AdminRole } from '../auth/entities/admin-user.entity';
import { Roles } from '../auth/roles.decorator';
import { ApiErrorResponse } from '../common/api-error.response';
import { FindFollowersQuery, FollowerList, FollowerView } from './follower.view';
import { ApiAdminAuth } from '../common/api-admin-auth.decorator';

/** Only ADMIN sees full phone numbers; every other role gets them masked. */
export function maySeeFullPhone(role: AdminRole): boolean {
  return role === AdminRole.ADMIN;
}

const OPENID = /^[A-Za-z0-9_-]{1,64}$/;
const PHONE_VISIBILITY =
  'The phone is shown in full to ADMIN only; MARKETER, CLERK and VIEWER see it masked ' +
  '(138****8000, `phoneMasked: true`).';

@ApiTags('followers')
@ApiAdminAuth()
@ApiBadRequestResponse({ type: ApiErrorResponse, description: 'Invalid phone or openid' })
@Roles(AdminRole.MARKETER, AdminRole.CLERK, AdminRole.VIEWER)
@Controller('api/v1/admin/followers')
export class FollowersController {
  constructor(private readonly followers: FollowerService) {}

  @Get()
  // A phone lookup confirms a full number whatever the masking: of the 10^4 numbers a masked
  // 138****5678 could be, it tells which one is right. ADMIN only.
  @Roles(AdminRole.ADMIN)
  @ApiOperation({
    operationId: 'findFollowersByPhone',
    summary: 'Find followers by bound phone number (exact match via blind index; ADMIN only)',
    description: `Numbers are stored encrypted; the lookup uses an HMAC blind index. ${PHONE_VISIBILITY}`,
  })
  @ApiOkResponse({ type: FollowerList, description: 'Matching followers (possibly none)' })
  async find(
    @Query() q: FindFollowersQuery,
    @CurrentAdmin() admin: AdminPrincipal,
  ): Promise<FollowerList> {
    const found = await this.followers.findByPhone(q.phone);
    return { items: found.map((f) => toView(f, admin.role)) };
  }

  @Get(':openid')
  @ApiOperation({
    operationId: 'getFollower',
    summary: 'One follower by openid',
    description: PHONE_VISIBILITY,
  })
  @ApiParam({ name: 'openid', example: 'oAbC123xYz_4567890abcdefghij' })
  @ApiOkResponse({ type: FollowerView })
  @ApiNotFoundResponse({ type: ApiErrorResponse, description: 'No follower with this openid' })
  async detail(
    @Param('openid') openid: string,
    @CurrentAdmin() admin: AdminPrincipal,
  ): Promise<FollowerView> {
    if (!OPENID.test(openid)) throw fieldError('openid', 'openid must be 1-64 of [A-Za-z0-9_-]');
    const follower = await this.followers.findByOpenid(openid);
    if (!follower) throw new NotFoundException('Follower not found');
    return toView(follower, admin.role);
  }
}

function toView(f: FollowerRecord, role: AdminRole): FollowerView {
  const full = maySeeFullPhone(role);
  return {
    openid: f.openid,
    phone: full ? f.phone : maskPhone(f.phone),
    phoneMasked: !full,
    createdAt: f.createdAt,
    updatedAt: f.updatedAt,
  };
}
