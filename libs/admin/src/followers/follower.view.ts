import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { MAINLAND_MOBILE } from '@app/coupon';

export class FollowerView {
  @ApiProperty({ example: 'oAbC123xYz_4567890abcdefghij' })
  openid: string;

  @ApiProperty({
    example: '138****8000',
    description:
      'Bound mobile number. In full (13800138000) for the ADMIN role only; MARKETER, CLERK and ' +
      'VIEWER get it masked (first 3 and last 4 digits).',
  })
  phone: string;

  @ApiProperty({ description: 'True when `phone` is masked for the caller role', example: true })
  phoneMasked: boolean;

  @ApiProperty({ description: 'First binding (UTC)' })
  createdAt: Date;

  @ApiProperty({ description: 'Last (re)binding (UTC)' })
  updatedAt: Date;
}

export class FollowerList {
  @ApiProperty({ type: [FollowerView] })
  items: FollowerView[];
}

export class FindFollowersQuery {
  @ApiProperty({
    description: 'Mainland mobile number (11 digits, 1[3-9]...), matched via a blind index',
    example: '13800138000',
  })
  @Matches(MAINLAND_MOBILE, { message: 'phone must be a mainland mobile number (11 digits)' })
  phone: string;
}
