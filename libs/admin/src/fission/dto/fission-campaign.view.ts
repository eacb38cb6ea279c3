import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { type FissionCampaignRecord, type FissionStats, FissionStatus } from '@app/growth';

export class FissionCampaignView {
  @ApiProperty({ example: 1 }) id: number;
  @ApiProperty({ example: '邀 3 位好友得 20 元券' }) name: string;
  @ApiProperty({ example: 12 }) templateId: number;
  @ApiProperty({ example: 13 }) rewardTemplateId: number;
  @ApiProperty({ example: 3 }) invitesRequired: number;
  @ApiProperty({ example: 5 }) maxRewardsPerSharer: number;
  @ApiProperty({ example: false }) newFollowersOnly: boolean;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiPropertyOptional({ nullable: true, type: String, example: '邀请好友' })
  shareKeyword: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: 'FISSION_SHARE' })
  menuKey: string | null;
  @ApiProperty({ enum: FissionStatus, enumName: 'FissionStatus' }) status: FissionStatus;
  @ApiProperty({ format: 'date-time' }) createdAt: string;

  static from(c: FissionCampaignRecord): FissionCampaignView {
    return {
      ...c,
      startsAt: c.startsAt.toISOString(),
      endsAt: c.endsAt.toISOString(),
      createdAt: c.createdAt.toISOString(),
    };
  }
}

export class FissionCampaignPage {
  @ApiProperty({ type: [FissionCampaignView] }) items: FissionCampaignView[];
  @ApiProperty({ example: 1 }) total: number;
  @ApiProperty({ example: 1 }) page: number;
  @ApiProperty({ example: 20 }) pageSize: number;
}

export class TopSharerView {
  @ApiProperty({ example: 7 }) sharerId: number;
  @ApiProperty({ example: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' }) openid: string;
  @ApiProperty({ example: 6 }) invitesCounted: number;
  @ApiProperty({ example: 2 }) rewards: number;
}

export class FissionStatsView implements FissionStats {
  @ApiProperty({ example: 12, description: 'Followers who asked for their link' }) sharers: number;
  @ApiProperty({ example: 80, description: 'Share pages opened by identified friends' })
  linksOpened: number;
  @ApiProperty({ example: 40, description: 'Friends granted the coupon through a link' })
  friendsClaimed: number;
  @ApiProperty({ example: 30 }) invitesCounted: number;
  @ApiProperty({
    example: { SELF_INVITE: 1, ALREADY_COUNTED: 2, SHARER_CAPPED: 7 },
    description: 'Granted claims that did not count, by reason',
    type: 'object',
    additionalProperties: { type: 'integer' },
  })
  invitesIgnored: Record<string, number>;
  @ApiProperty({ example: 9 }) rewardsGranted: number;
  @ApiProperty({ example: 0.375, description: 'invitesCounted / linksOpened' }) conversion: number;
  @ApiProperty({ type: [TopSharerView] }) topSharers: TopSharerView[];
}
