import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CouponQueryService, CouponRevocationService, RedemptionService } from '@app/coupon';
import type { AdminPrincipal } from '../auth/admin-principal';
import { CurrentAdmin } from '../auth/current-admin.decorator';
import { AdminRole } from '../auth/entities/admin-user.entity';
import { Roles } from '../auth/roles.decorator';
import { ApiErrorResponse } from '../common/api-error.response';
import { CouponCodePipe } from './coupon-code.pipe';
import { ApiAdminAuth } from '../common/api-admin-auth.decorator';
import { CouponPage, CouponView } from './dto/coupon.view';
import {
  QuoteQuery,
  RedeemCouponDto,
  RedemptionQuoteView,
  RedemptionResultView,
  RevokeCouponDto,
  UndoRedemptionDto,
  UndoResultView,
} from './dto/redemption.dto';
import { SearchCouponsQuery } from './dto/search-coupons.query';

const CODE_PARAM = {
  name: 'code',
  example: '7K3M9Q2XW8RTV4PZ',
  description: 'Coupon code (any case)',
};

@ApiTags('coupons')
@ApiAdminAuth()
@ApiBadRequestResponse({ type: ApiErrorResponse, description: 'Invalid parameters or body' })
@Controller('api/v1/admin/coupons')
export class CouponsController {
  constructor(
    private readonly query: CouponQueryService,
    private readonly redemptions: RedemptionService,
    private readonly revocations: CouponRevocationService,
  ) {}

  @Get()
  @Roles(AdminRole.MARKETER, AdminRole.VIEWER)
  @ApiOperation({
    operationId: 'searchCoupons',
    summary: 'Search coupons, newest claim first (keyset pagination: pass nextCursor as cursor)',
  })
  @ApiOkResponse({ type: CouponPage })
  async search(@Query() q: SearchCouponsQuery): Promise<CouponPage> {
    return CouponPage.from(await this.query.search(q.toSearch()));
  }

  @Get(':code')
  @Roles(AdminRole.MARKETER, AdminRole.VIEWER, AdminRole.CLERK)
  @ApiOperation({ operationId: 'getCoupon', summary: 'One coupon with its redemption history' })
  @ApiParam(CODE_PARAM)
  @ApiOkResponse({ type: CouponView })
  @ApiNotFoundResponse({ type: ApiErrorResponse, description: 'Unknown code' })
  async detail(@Param('code', CouponCodePipe) code: string): Promise<CouponView> {
    return CouponView.fromDetail(await this.query.detail(code));
  }

  @Get(':code/quote')
  @Roles(AdminRole.CLERK, AdminRole.MARKETER, AdminRole.VIEWER)
  @ApiOperation({
    operationId: 'quoteRedemption',
    summary: 'What redeeming would do now: usable or why not, the discount and the amount to pay',
    description:
      'Read-only: the same checks (status, validity, usage weekdays/hours in China time, ' +
      'threshold) and discount rules as redeemCoupon, so the till shows them before redeeming.',
  })
  @ApiParam(CODE_PARAM)
  @ApiOkResponse({ type: RedemptionQuoteView })
  @ApiNotFoundResponse({ type: ApiErrorResponse, description: 'Unknown code' })
  async quote(
    @Param('code', CouponCodePipe) code: string,
    @Query() q: QuoteQuery,
  ): Promise<RedemptionQuoteView> {
    return RedemptionQuoteView.from(await this.redemptions.quote(code, q.orderAmount));
  }

  @Post(':code/redeem')
  @HttpCode(200)
  @Roles(AdminRole.CLERK, AdminRole.MARKETER)
  @ApiOperation({
    operationId: 'redeemCoupon',
    summary: '核销: use the coupon on an order (idempotent by requestNo)',
    description:
      'A retry with the same requestNo returns the first answer (200, same body). The validity ' +
      'window, usage weekdays/hours (China time) and threshold are checked now, whatever the ' +
      'expiry job has done. `details.reason` says why a redemption was refused.',
  })
  @ApiParam(CODE_PARAM)
  @ApiOkResponse({ type: RedemptionResultView })
  @ApiNotFoundResponse({ type: ApiErrorResponse, description: 'Unknown code' })
  @ApiConflictResponse({
    type: ApiErrorResponse,
    description:
      'ALREADY_USED, REVOKED, EXPIRED, NOT_YET_VALID, OUTSIDE_USAGE_WINDOW, REQUEST_NO_REUSED ' +
      '(same requestNo, different code or amount), REDEMPTION_UNDONE; or lost a concurrent race',
  })
  @ApiUnprocessableEntityResponse({
    type: ApiErrorResponse,
    description: 'BELOW_THRESHOLD: orderAmountCents is below the template thresholdCents',
  })
  async redeem(
    @Param('code', CouponCodePipe) code: string,
    @Body() body: RedeemCouponDto,
    @CurrentAdmin() admin: AdminPrincipal,
  ): Promise<RedemptionResultView> {
    return RedemptionResultView.from(await this.redemptions.redeem(code, body, admin.id));
  }

  @Post(':code/redeem/undo')
  @HttpCode(200)
  @Roles(AdminRole.CLERK, AdminRole.MARKETER)
  @ApiOperation({
    operationId: 'undoRedemption',
    summary: 'Undo a redemption within REDEMPTION_UNDO_WINDOW_MINUTES (idempotent)',
    description: 'The coupon goes back to AVAILABLE, or EXPIRED when it is past its validity.',
  })
  @ApiParam(CODE_PARAM)
  @ApiOkResponse({ type: UndoResultView })
  @ApiNotFoundResponse({ type: ApiErrorResponse, description: 'No such redemption for this code' })
  @ApiConflictResponse({ type: ApiErrorResponse, description: 'UNDO_WINDOW_PASSED' })
  async undo(
    @Param('code', CouponCodePipe) code: string,
    @Body() body: UndoRedemptionDto,
    @CurrentAdmin() admin: AdminPrincipal,
  ): Promise<UndoResultView> {
    return UndoResultView.from(await this.redemptions.undo(code, body.requestNo, admin.id));
  }

  @Post(':code/revoke')
  @HttpCode(200)
  @Roles(AdminRole.MARKETER)
  @ApiOperation({
    operationId: 'revokeCoupon',
    summary: 'Withdraw an AVAILABLE coupon (AVAILABLE -> REVOKED), with a reason',
  })
  @ApiParam(CODE_PARAM)
  @ApiOkResponse({ type: CouponView })
  @ApiNotFoundResponse({ type: ApiErrorResponse, description: 'Unknown code' })
  @ApiConflictResponse({ type: ApiErrorResponse, description: 'Coupon is not AVAILABLE' })
  async revoke(
    @Param('code', CouponCodePipe) code: string,
    @Body() body: RevokeCouponDto,
    @CurrentAdmin() admin: AdminPrincipal,
  ): Promise<CouponView> {
    return CouponView.from(await this.revocations.revoke(code, body.reason, admin.id));
  }
}
