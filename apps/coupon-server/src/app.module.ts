import { Module } from '@nestjs/common';
import { AdminModule } from '@app/admin';
import { AuditModule } from '@app/audit';
import { CoreModule, LifecycleModule } from '@app/core';
import { CouponModule, CouponWechatModule } from '@app/coupon';
import { WechatModule } from '@app/wechat';

/** The one deployable: feature libraries wired by dependency injection. */
@Module({
  imports: [
    CoreModule,
    LifecycleModule,
    AuditModule,
    CouponModule,
    WechatModule,
    CouponWechatModule,
    AdminModule,
  ],
})
export class AppModule {}
