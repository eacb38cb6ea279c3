import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CouponModule, FollowersModule } from '@app/coupon';
import { GrowthModule } from '@app/growth';
import { WechatModule } from '@app/wechat';
import { AudiencesController } from './audiences/audiences.controller';
import { GrowthJobsController } from './jobs/growth-jobs.controller';
import { CampaignPushesController } from './pushes/campaign-pushes.controller';
import { WechatTagsController } from './tags/wechat-tags.controller';
import { AuditEventsController } from './audit/audit-events.controller';
import { AuthModule } from './auth/auth.module';
import { consoleConfig } from './console/console.settings';
import { DashboardController } from './dashboard/dashboard.controller';
import { DashboardTail } from './dashboard/dashboard-tail';
import { DashboardService } from './dashboard/dashboard.service';
import { AdminUser } from './auth/entities/admin-user.entity';
import { CouponExportController } from './coupons/coupon-export.controller';
import { CouponsController } from './coupons/coupons.controller';
import { FissionCampaignsController } from './fission/fission-campaigns.controller';
import { FollowersController } from './followers/followers.controller';
import { StatsController } from './stats/stats.controller';
import { AccountController } from './users/account.controller';
import { AdminUsersController } from './users/admin-users.controller';
import { AdminUsersService } from './users/admin-users.service';
import { CouponTemplatesController } from './templates/coupon-templates.controller';
import { WechatMenuController } from './wechat/wechat-menu.controller';

@Module({
  imports: [
    AuthModule,
    CouponModule,
    FollowersModule,
    WechatModule,
    GrowthModule,
    TypeOrmModule.forFeature([AdminUser]),
    ConfigModule.forFeature(consoleConfig),
  ],
  controllers: [
    CouponTemplatesController,
    WechatMenuController,
    AuditEventsController,
    CouponsController,
    CouponExportController,
    StatsController,
    AdminUsersController,
    AccountController,
    FollowersController,
    AudiencesController,
    WechatTagsController,
    GrowthJobsController,
    CampaignPushesController,
    FissionCampaignsController,
    DashboardController,
  ],
  providers: [AdminUsersService, DashboardTail, DashboardService],
})
export class AdminModule {}
