import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { WechatApiClient } from '@app/wechat';

/**
 * When a follower (last) subscribed: remembered from the `subscribe` event, else asked once from
 * cgi-bin/user/info. Serves newFollowersOnly campaigns.
 */
@Injectable()
export class FollowerSubscriptions {
  private readonly logger = new Logger(FollowerSubscriptions.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly api: WechatApiClient,
  ) {}

  async record(openid: string, at: Date): Promise<void> {
    await this.db.query(
      `INSERT INTO follower_subscription (openid, subscribed_at) VALUES (?, ?)
       ON DUPLICATE KEY UPDATE subscribed_at = GREATEST(subscribed_at, VALUES(subscribed_at))`,
      [openid, at],
    );
  }

  /** True when the follower subscribed at or after `since` (unknown or not following: false). */
  async subscribedSince(openid: string, since: Date): Promise<boolean> {
    const [row] = await this.db.query<{ subscribed_at: Date }[]>(
      'SELECT subscribed_at FROM follower_subscription WHERE openid = ?',
      [openid],
    );
    let at = row ? new Date(row.subscribed_at) : null;
    if (!at) {
      const info = await this.api.getUserInfo(openid).catch((err: unknown) => {
        this.logger.warn(`user/info failed: ${String(err)}`);
        return null;
      });
      at = info?.subscribeTime ?? null;
      if (at) await this.record(openid, at);
    }
    return at !== null && at.getTime() >= since.getTime();
  }
}
