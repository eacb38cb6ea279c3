import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, QueryRunner } from 'typeorm';
import { AuditRecorder, duplicateKeyOf, isDeadlock } from '@app/core';
import { ClaimChannel, ClaimOutcome, ClaimService } from '@app/coupon';
import { WechatApiClient } from '@app/wechat';
import { type FissionCampaignRecord, InviteIgnoredReason } from './fission-campaign';
import { FollowerSubscriptions } from './follower-subscriptions';

export interface InviteAccount {
  state: 'COUNTED' | 'IGNORED';
  reason: InviteIgnoredReason | null;
  /** Set when this invite completed a reward (reward_no). */
  rewardNo: number | null;
}

interface SharerRow {
  id: number;
  openid: string;
  counted: number;
  rewards: number;
}

/** Outcomes that may pass (busy, a dying instance): the reward stays PENDING for the recovery. */
const RETRYABLE = new Set<string>([ClaimOutcome.ERROR, ClaimOutcome.RATE_LIMITED]);

/**
 * Exact invitation accounting and rewards. One transaction per friend's granted claim: the
 * sharer's row is locked (FOR UPDATE), the invite row is keyed by the coupon (a retry accounts
 * once), a counted friend fills UNIQUE(campaign, counted_friend) (first grant wins across sharers)
 * and every multiple of invitesRequired inserts the owed reward row. The reward coupon is claimed
 * after the commit with a deterministic request key, so a retry or the recovery never grants twice.
 */
@Injectable()
export class FissionAccountingService {
  private readonly logger = new Logger(FissionAccountingService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly claims: ClaimService,
    private readonly subscriptions: FollowerSubscriptions,
    private readonly api: WechatApiClient,
    private readonly audit: AuditRecorder,
  ) {}

  async account(
    c: FissionCampaignRecord,
    sharerId: number,
    friend: string,
    couponCode: string,
  ): Promise<InviteAccount> {
    const newFollower = c.newFollowersOnly
      ? await this.subscriptions.subscribedSince(friend, c.startsAt)
      : true;
    const result = await this.inTransaction((q) =>
      this.accountIn(q, c, sharerId, friend, couponCode, newFollower),
    );
    if (!result.replayed) {
      const { state, reason } = result.account;
      this.audit.record({
        kind: 'INVITE',
        outcome: state === 'COUNTED' ? 'INVITE_COUNTED' : 'INVITE_IGNORED',
        templateId: c.templateId,
        openid: friend,
        couponCode,
        channel: ClaimChannel.SHARE,
        detail: { campaignId: c.id, sharerId, ...(reason ? { reason } : {}) },
      });
    }
    return result.account;
  }

  private async accountIn(
    q: QueryRunner,
    c: FissionCampaignRecord,
    sharerId: number,
    friend: string,
    couponCode: string,
    newFollower: boolean,
  ): Promise<{ account: InviteAccount; replayed: boolean }> {
    const [sharer] = (await q.query(
      'SELECT id, openid, counted, rewards FROM fission_sharer WHERE id = ? AND campaign_id = ? FOR UPDATE',
      [sharerId, c.id],
    )) as SharerRow[];
    if (!sharer) throw new Error(`sharer ${sharerId} of campaign ${c.id} vanished`);
    const [seen] = (await q.query(
      'SELECT state, reason FROM fission_invite WHERE campaign_id = ? AND coupon_code = ?',
      [c.id, couponCode],
    )) as { state: 'COUNTED' | 'IGNORED'; reason: InviteIgnoredReason | null }[];
    if (seen) return { account: { ...seen, rewardNo: null }, replayed: true };

    let reason = this.ignoredReason(c, sharer, friend, newFollower);
    if (reason === null && (await this.alreadyCounted(q, c.id, friend))) {
      reason = InviteIgnoredReason.ALREADY_COUNTED;
    }
    if (reason === null) {
      try {
        await q.query(
          `INSERT INTO fission_invite (campaign_id, sharer_id, friend_openid, coupon_code, state, counted_friend, created_at)
           VALUES (?, ?, ?, ?, 'COUNTED', ?, ?)`,
          [c.id, sharerId, friend, couponCode, friend, new Date()],
        );
      } catch (err) {
        // Another sharer's transaction counted this friend first (first grant wins).
        if (duplicateKeyOf(err) === null) throw err;
        reason = InviteIgnoredReason.ALREADY_COUNTED;
      }
    }
    if (reason !== null) {
      await q.query(
        `INSERT INTO fission_invite (campaign_id, sharer_id, friend_openid, coupon_code, state, reason, created_at)
         VALUES (?, ?, ?, ?, 'IGNORED', ?, ?)`,
        [c.id, sharerId, friend, couponCode, reason, new Date()],
      );
      return { account: { state: 'IGNORED', reason, rewardNo: null }, replayed: false };
    }
    const counted = Number(sharer.counted) + 1;
    const rewardNo = counted % c.invitesRequired === 0 ? counted / c.invitesRequired : null;
    await q.query('UPDATE fission_sharer SET counted = ?, rewards = ? WHERE id = ?', [
      counted,
      rewardNo ?? sharer.rewards,
      sharerId,
    ]);
    if (rewardNo !== null) {
      await q.query(
        `INSERT INTO fission_reward (campaign_id, sharer_id, reward_no, state, created_at)
         VALUES (?, ?, ?, 'PENDING', ?)`,
        [c.id, sharerId, rewardNo, new Date()],
      );
    }
    return { account: { state: 'COUNTED', reason: null, rewardNo }, replayed: false };
  }

  /** Accounts a granted claim and, when it completes a reward, grants that reward. */
  async accountAndReward(
    c: FissionCampaignRecord,
    sharerId: number,
    friend: string,
    couponCode: string,
    beforeReward: () => void = () => undefined,
  ): Promise<InviteAccount> {
    const account = await this.account(c, sharerId, friend, couponCode);
    if (account.rewardNo !== null) {
      beforeReward();
      await this.grantReward(c, sharerId, account.rewardNo);
    }
    return account;
  }

  async markPending(campaignId: number, requestKey: string, sharerId: number): Promise<void> {
    await this.db.query(
      `INSERT IGNORE INTO fission_pending_claim (campaign_id, request_key, sharer_id, created_at)
       VALUES (?, ?, ?, ?)`,
      [campaignId, requestKey, sharerId, new Date()],
    );
  }

  async clearPending(campaignId: number, requestKey: string): Promise<void> {
    await this.db.query(
      'DELETE FROM fission_pending_claim WHERE campaign_id = ? AND request_key = ?',
      [campaignId, requestKey],
    );
  }

  private ignoredReason(
    c: FissionCampaignRecord,
    sharer: SharerRow,
    friend: string,
    newFollower: boolean,
  ): InviteIgnoredReason | null {
    if (friend === sharer.openid) return InviteIgnoredReason.SELF_INVITE;
    if (!newFollower) return InviteIgnoredReason.NOT_NEW_FOLLOWER;
    if (Number(sharer.counted) >= c.invitesRequired * c.maxRewardsPerSharer) {
      return InviteIgnoredReason.SHARER_CAPPED;
    }
    return null;
  }

  private async alreadyCounted(
    q: QueryRunner,
    campaignId: number,
    friend: string,
  ): Promise<boolean> {
    const rows = (await q.query(
      'SELECT 1 FROM fission_invite WHERE campaign_id = ? AND counted_friend = ? LIMIT 1',
      [campaignId, friend],
    )) as unknown[];
    return rows.length > 0;
  }

  /**
   * Grants reward `rewardNo` if it is still PENDING. The claim's request key is the reward's
   * identity (coupon's UNIQUE(template_id, request_key) holds it even after Redis forgot the
   * request), so two instances (or a retry and the recovery) racing here get one coupon. A refusal
   * (sold out, limit) is final and recorded; a transient failure stays PENDING for the recovery.
   */
  async grantReward(c: FissionCampaignRecord, sharerId: number, rewardNo: number): Promise<string> {
    const [reward] = await this.db.query<{ id: number; state: string; outcome: string | null }[]>(
      'SELECT id, state, outcome FROM fission_reward WHERE campaign_id = ? AND sharer_id = ? AND reward_no = ?',
      [c.id, sharerId, rewardNo],
    );
    if (!reward) throw new Error(`reward ${c.id}/${sharerId}/${rewardNo} is not owed`);
    if (reward.state !== 'PENDING') return reward.outcome ?? reward.state;
    const [sharer] = await this.db.query<{ openid: string }[]>(
      'SELECT openid FROM fission_sharer WHERE id = ?',
      [sharerId],
    );
    const result = await this.claims.claim({
      templateId: c.rewardTemplateId,
      openid: sharer.openid,
      requestKey: `fission:${c.id}:${sharerId}:${rewardNo}`,
      channel: ClaimChannel.REWARD,
      auditDetail: { campaignId: c.id, sharerId, rewardNo },
    });
    if (RETRYABLE.has(result.outcome)) return result.outcome;
    const granted = result.outcome === ClaimOutcome.GRANTED && result.coupon;
    const res = await this.db.query<{ affectedRows: number }>(
      `UPDATE fission_reward SET state = ?, outcome = ?, coupon_code = ?
       WHERE id = ? AND state = 'PENDING'`,
      [
        granted ? 'GRANTED' : 'FAILED',
        result.outcome,
        granted ? result.coupon!.code : null,
        reward.id,
      ],
    );
    if (res.affectedRows === 1 && granted) {
      this.audit.record({
        kind: 'REWARD',
        outcome: 'REWARD_GRANTED',
        templateId: c.rewardTemplateId,
        openid: sharer.openid,
        couponCode: result.coupon!.code,
        channel: ClaimChannel.REWARD,
        detail: { campaignId: c.id, sharerId, rewardNo },
      });
    }
    if (granted)
      await this.notify(
        reward.id,
        sharer.openid,
        result.templateName ?? '奖励券',
        result.coupon!.code,
      );
    return result.outcome;
  }

  /** One customer-service message per reward: whoever flips notified_at sends it. */
  private async notify(
    rewardId: number,
    openid: string,
    name: string,
    code: string,
  ): Promise<void> {
    const res = await this.db.query<{ affectedRows: number }>(
      'UPDATE fission_reward SET notified_at = ? WHERE id = ? AND notified_at IS NULL',
      [new Date(), rewardId],
    );
    if (res.affectedRows !== 1) return;
    await this.api
      .sendCustomText(
        openid,
        `恭喜！你邀请的好友已达标，奖励「${name}」已发放，券码 ${code}。发送“我的优惠券”查看。`,
      )
      .catch((err: unknown) =>
        this.logger.warn(`reward message to a sharer failed: ${String(err)}`),
      );
  }

  /** One transaction; retried on an InnoDB deadlock (concurrent unique-key inserts can cause one). */
  private async inTransaction<T>(work: (q: QueryRunner) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const q = this.db.createQueryRunner();
      await q.connect();
      try {
        await q.startTransaction();
        const out = await work(q);
        await q.commitTransaction();
        return out;
      } catch (err) {
        if (q.isTransactionActive) await q.rollbackTransaction();
        if (attempt >= DEADLOCK_ATTEMPTS || !isDeadlock(err)) throw err;
      } finally {
        await q.release();
      }
      // Jittered pause so the two contenders do not meet in the same order again.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
    }
  }
}

const DEADLOCK_ATTEMPTS = 6;
