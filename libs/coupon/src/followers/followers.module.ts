import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PiiCryptoModule } from '@app/core';
import { Follower } from './follower.entity';
import { FollowerService } from './follower.service';

/** Follower personal data (issue #6): used by the WeChat router (binding) and the admin (lookup). */
@Module({
  imports: [TypeOrmModule.forFeature([Follower]), PiiCryptoModule],
  providers: [FollowerService],
  exports: [FollowerService],
})
export class FollowersModule {}
