import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { FissionCampaignService } from './fission-campaign.service';
import type { FissionStats } from './fission-campaign';

const TOP_SHARERS = 10;

/** A campaign's funnel, read from the accounting tables (exact, not sampled). */
@Injectable()
export class FissionStatsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly campaigns: FissionCampaignService,
  ) {}

  async stats(campaignId: number): Promise<FissionStats> {
    await this.campaigns.get(campaignId);
    const [sharers] = await this.db.query<{ n: string; opened: string | null }[]>(
      'SELECT COUNT(*) AS n, SUM(links_opened) AS opened FROM fission_sharer WHERE campaign_id = ?',
      [campaignId],
    );
    const invites = await this.db.query<{ state: string; reason: string | null; n: string }[]>(
      `SELECT state, reason, COUNT(*) AS n FROM fission_invite WHERE campaign_id = ?
       GROUP BY state, reason`,
      [campaignId],
    );
    const [friends] = await this.db.query<{ n: string }[]>(
      'SELECT COUNT(DISTINCT friend_openid) AS n FROM fission_invite WHERE campaign_id = ?',
      [campaignId],
    );
    const [rewards] = await this.db.query<{ n: string }[]>(
      `SELECT COUNT(*) AS n FROM fission_reward WHERE campaign_id = ? AND state = 'GRANTED'`,
      [campaignId],
    );
    const top = await this.db.query<
      { id: number; openid: string; counted: number; granted: string }[]
    >(
      `SELECT s.id, s.openid, s.counted,
              (SELECT COUNT(*) FROM fission_reward r WHERE r.sharer_id = s.id AND r.state = 'GRANTED') AS granted
       FROM fission_sharer s WHERE s.campaign_id = ? AND s.counted > 0
       ORDER BY s.counted DESC, s.id LIMIT ?`,
      [campaignId, TOP_SHARERS],
    );
    let invitesCounted = 0;
    const invitesIgnored: Record<string, number> = {};
    for (const row of invites) {
      if (row.state === 'COUNTED') invitesCounted += Number(row.n);
      else invitesIgnored[row.reason ?? 'UNKNOWN'] = Number(row.n);
    }
    const linksOpened = Number(sharers.opened ?? 0);
    return {
      sharers: Number(sharers.n),
      linksOpened,
      friendsClaimed: Number(friends.n),
      invitesCounted,
      invitesIgnored,
      rewardsGranted: Number(rewards.n),
      conversion: linksOpened > 0 ? Math.round((invitesCounted / linksOpened) * 10000) / 10000 : 0,
      topSharers: top.map((s) => ({
        sharerId: Number(s.id),
        openid: s.openid,
        invitesCounted: Number(s.counted),
        rewards: Number(s.granted),
      })),
    };
  }
}
