import { InitialSchema1732560000000 } from './1732560000000-initial-schema';
import { WelcomeTemplate1732560000300 } from './1732560000300-welcome-template';
import { CouponLifecycle1732560000400 } from './1732560000400-coupon-lifecycle';
import { ClaimLog1732560000500 } from './1732560000500-claim-log';
import { FollowerPii1732560000600 } from './1732560000600-follower-pii';
import { RequestNoBinary1732560000900 } from './1732560000900-request-no-binary';
import { AuditEvent1732560001100 } from './1732560001100-audit-event';
import { Audiences1732560001200 } from './1732560001200-audiences';
import { Fission1732560001300 } from './1732560001300-fission';

/** Listed explicitly (no globs) so the same list works from ts-node, dist and jest. */
export const migrations = [
  InitialSchema1732560000000,
  WelcomeTemplate1732560000300,
  CouponLifecycle1732560000400,
  ClaimLog1732560000500,
  FollowerPii1732560000600,
  RequestNoBinary1732560000900,
  AuditEvent1732560001100,
  Audiences1732560001200,
  Fission1732560001300,
];
