import { BoolSetting, IntSetting, defineSettings } from '@app/core';

/** Growth's settings: background jobs (tag sync, behaviour tagging, pushes). */
export class GrowthSettings {
  /** Run growth job workers on this instance (jobs can still be queued when off). */
  @BoolSetting()
  GROWTH_JOBS_ENABLED = true;

  /** Customer-service messages per second for an OPENID_LIST push (all instances together). */
  @IntSetting(1, 1000)
  PUSH_RATE_PER_SECOND = 20;

  /** First pause after WeChat answers -1 (busy) to batch tagging; doubles on each retry. */
  @IntSetting(1, 600000)
  TAGGING_BUSY_BACKOFF_MS = 1000;
}

export const growthConfig = defineSettings('growth', GrowthSettings, (s) => ({
  jobsEnabled: s.GROWTH_JOBS_ENABLED,
  pushRatePerSecond: s.PUSH_RATE_PER_SECOND,
  taggingBusyBackoffMs: s.TAGGING_BUSY_BACKOFF_MS,
}));

export type GrowthConfig = ReturnType<typeof growthConfig>;
