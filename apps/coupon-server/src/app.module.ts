import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { AdminModule } from '@app/admin';
import { AuditModule } from '@app/audit';
import { CoreModule, LifecycleModule } from '@app/core';
import { CouponModule, CouponWechatModule } from '@app/coupon';
import { GrowthModule } from '@app/growth';
import { H5Module } from '@app/h5';
import { WechatModule } from '@app/wechat';

/** The one deployable: feature libraries wired by dependency injection. Periodic jobs (expiry,
 * stock reconciliation, audit retention) register through core's PeriodicWork on this one
 * scheduler. */
@Module({
  imports: [
    ScheduleModule.forRoot(),
    CoreModule,
    LifecycleModule,
    AuditModule,
    CouponModule,
    WechatModule,
    CouponWechatModule,
    GrowthModule,
    AdminModule,
    H5Module,
  ],
})
export class AppModule {}
