export enum FissionStatus {
  ACTIVE = 'ACTIVE',
  PAUSED = 'PAUSED',
  ENDED = 'ENDED',
}

/** Why a friend's granted claim did not count as an invitation. */
export enum InviteIgnoredReason {
  SELF_INVITE = 'SELF_INVITE',
  ALREADY_COUNTED = 'ALREADY_COUNTED',
  NOT_NEW_FOLLOWER = 'NOT_NEW_FOLLOWER',
  SHARER_CAPPED = 'SHARER_CAPPED',
}

export interface CreateFissionCampaignInput {
  name: string;
  templateId: number;
  invitesRequired: number;
  rewardTemplateId: number;
  maxRewardsPerSharer: number;
  newFollowersOnly?: boolean;
  startsAt: string | Date;
  endsAt: string | Date;
  shareKeyword?: string | null;
  menuKey?: string | null;
}

export interface FissionCampaignRecord {
  id: number;
  name: string;
  templateId: number;
  rewardTemplateId: number;
  invitesRequired: number;
  maxRewardsPerSharer: number;
  newFollowersOnly: boolean;
  startsAt: Date;
  endsAt: Date;
  shareKeyword: string | null;
  menuKey: string | null;
  status: FissionStatus;
  createdAt: Date;
}

export interface FissionStats {
  sharers: number;
  linksOpened: number;
  friendsClaimed: number;
  invitesCounted: number;
  invitesIgnored: Record<string, number>;
  rewardsGranted: number;
  /** invitesCounted / linksOpened (0 when no link was opened), 4 decimals. */
  conversion: number;
  topSharers: { sharerId: number; openid: string; invitesCounted: number; rewards: number }[];
}

export interface CampaignRow {
  id: number;
  name: string;
  template_id: number;
  reward_template_id: number;
  invites_required: number;
  max_rewards_per_sharer: number;
  new_followers_only: number;
  starts_at: Date;
  ends_at: Date;
  share_keyword: string | null;
  menu_key: string | null;
  status: string;
  created_at: Date;
}

export function toCampaign(r: CampaignRow): FissionCampaignRecord {
  return {
    id: Number(r.id),
    name: r.name,
    templateId: Number(r.template_id),
    rewardTemplateId: Number(r.reward_template_id),
    invitesRequired: Number(r.invites_required),
    maxRewardsPerSharer: Number(r.max_rewards_per_sharer),
    newFollowersOnly: Boolean(Number(r.new_followers_only)),
    startsAt: new Date(r.starts_at),
    endsAt: new Date(r.ends_at),
    shareKeyword: r.share_keyword,
    menuKey: r.menu_key,
    status: r.status as FissionStatus,
    createdAt: new Date(r.created_at),
  };
}
