import { Module } from '@nestjs/common';
import { FissionModule } from './fission/fission.module';

/**
 * Campaigns that grow the audience, built on the coupon domain: pushes (BullMQ jobs), WeChat tag
 * sync and behaviour tagging, share-link fission. Registers its own /wx handlers with the
 * dispatcher; never edits wechat or coupon internals.
 */
@Module({
  imports: [FissionModule],
  exports: [FissionModule],
})
export class GrowthModule {}
