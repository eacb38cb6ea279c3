import { Global, Module } from '@nestjs/common';
import { RedisLock } from '../redis/redis-lock';
import { PeriodicWork } from './periodic-work';

/** Periodic jobs and the cross-instance lock, for any feature. @nestjs/schedule's own
 * ScheduleModule.forRoot() is registered once, by the app. */
@Global()
@Module({ providers: [RedisLock, PeriodicWork], exports: [RedisLock, PeriodicWork] })
export class SchedulingModule {}
