import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CouponTemplateService, NotFound, RuleViolation, StateConflict } from '@app/coupon';
import {
  type CampaignRow,
  type CreateFissionCampaignInput,
  type FissionCampaignRecord,
  FissionStatus,
  toCampaign,
} from './fission-campaign';

export type FissionAction = 'pause' | 'activate' | 'end';

const TRANSITIONS: Record<FissionAction, { from: FissionStatus[]; to: FissionStatus }> = {
  pause: { from: [FissionStatus.ACTIVE], to: FissionStatus.PAUSED },
  activate: { from: [FissionStatus.PAUSED], to: FissionStatus.ACTIVE },
  end: { from: [FissionStatus.ACTIVE, FissionStatus.PAUSED], to: FissionStatus.ENDED },
};

/** Fission campaigns: create (ACTIVE within its window), list, get, pause/resume/end. */
@Injectable()
export class FissionCampaignService {
  /** Called after a local change, so this instance's /wx routes follow at once. */
  private readonly listeners: (() => Promise<void>)[] = [];

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly templates: CouponTemplateService,
  ) {}

  async create(input: CreateFissionCampaignInput): Promise<FissionCampaignRecord> {
    const startsAt = new Date(input.startsAt);
    const endsAt = new Date(input.endsAt);
    if (!(endsAt.getTime() > startsAt.getTime())) {
      throw RuleViolation.of('endsAt', 'endsAt must be after startsAt');
    }
    if (endsAt.getTime() <= Date.now())
      throw RuleViolation.of('endsAt', 'endsAt must be in the future');
    if (input.templateId === input.rewardTemplateId) {
      throw RuleViolation.of('rewardTemplateId', 'rewardTemplateId must differ from templateId');
    }
    await this.templateExists('templateId', input.templateId);
    await this.templateExists('rewardTemplateId', input.rewardTemplateId);
    const keyword = input.shareKeyword?.trim() || null;
    const menuKey = input.menuKey?.trim() || null;
    await this.routeFree(keyword, menuKey);
    const res = await this.db.query<{ insertId: number }>(
      `INSERT INTO fission_campaign (name, template_id, reward_template_id, invites_required,
         max_rewards_per_sharer, new_followers_only, starts_at, ends_at, share_keyword, menu_key)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        input.name,
        input.templateId,
        input.rewardTemplateId,
        input.invitesRequired,
        input.maxRewardsPerSharer,
        input.newFollowersOnly ? 1 : 0,
        startsAt,
        endsAt,
        keyword,
        menuKey,
      ],
    );
    await this.changed();
    return this.get(Number(res.insertId));
  }

  onChange(listener: () => Promise<void>): void {
    this.listeners.push(listener);
  }

  private async changed(): Promise<void> {
    for (const l of this.listeners) await l();
  }

  async list(
    page: number,
    pageSize: number,
    status?: FissionStatus,
  ): Promise<{ items: FissionCampaignRecord[]; total: number }> {
    const where = status ? 'WHERE status = ?' : '';
    const args = status ? [status] : [];
    const rows = await this.db.query<CampaignRow[]>(
      `SELECT * FROM fission_campaign ${where} ORDER BY id DESC LIMIT ? OFFSET ?`,
      [...args, pageSize, (page - 1) * pageSize],
    );
    const [{ n }] = await this.db.query<{ n: string }[]>(
      `SELECT COUNT(*) AS n FROM fission_campaign ${where}`,
      args,
    );
    return { items: rows.map(toCampaign), total: Number(n) };
  }

  async get(id: number): Promise<FissionCampaignRecord> {
    const found = await this.find(id);
    if (!found) throw new NotFound(`fission campaign ${id} not found`);
    return found;
  }

  async find(id: number): Promise<FissionCampaignRecord | null> {
    const [row] = await this.db.query<CampaignRow[]>(
      'SELECT * FROM fission_campaign WHERE id = ?',
      [id],
    );
    return row ? toCampaign(row) : null;
  }

  /** The running campaign a share keyword or menu key belongs to (the newest wins). */
  async byRoute(kind: 'keyword' | 'menu', value: string): Promise<FissionCampaignRecord | null> {
    const column = kind === 'keyword' ? 'share_keyword' : 'menu_key';
    const [row] = await this.db.query<CampaignRow[]>(
      `SELECT * FROM fission_campaign WHERE ${column} = ? AND status <> 'ENDED'
       ORDER BY id DESC LIMIT 1`,
      [value],
    );
    return row ? toCampaign(row) : null;
  }

  /** Share keywords and menu keys of the campaigns not ended (the /wx handler's routes). */
  async routes(): Promise<{ id: number; shareKeyword: string | null; menuKey: string | null }[]> {
    const rows = await this.db.query<
      { id: number; share_keyword: string | null; menu_key: string | null }[]
    >(
      `SELECT id, share_keyword, menu_key FROM fission_campaign
       WHERE status <> 'ENDED' AND (share_keyword IS NOT NULL OR menu_key IS NOT NULL)
       ORDER BY id`,
    );
    return rows.map((r) => ({
      id: Number(r.id),
      shareKeyword: r.share_keyword,
      menuKey: r.menu_key,
    }));
  }

  /** Compare-and-set on the status. */
  async transition(id: number, action: FissionAction): Promise<FissionCampaignRecord> {
    const current = await this.get(id);
    const t = TRANSITIONS[action];
    if (!t.from.includes(current.status)) {
      throw new StateConflict(`cannot ${action} a campaign that is ${current.status}`);
    }
    const res = await this.db.query<{ affectedRows: number }>(
      'UPDATE fission_campaign SET status = ? WHERE id = ? AND status = ?',
      [t.to, id, current.status],
    );
    if (res.affectedRows !== 1) throw new StateConflict('the campaign changed meanwhile; retry');
    await this.changed();
    return this.get(id);
  }

  private async templateExists(field: string, id: number): Promise<void> {
    try {
      await this.templates.get(id);
    } catch (err) {
      if (err instanceof NotFound)
        throw RuleViolation.of(field, `coupon template ${id} does not exist`);
      throw err;
    }
  }

  private async routeFree(keyword: string | null, menuKey: string | null): Promise<void> {
    if (keyword && (await this.byRoute('keyword', keyword))) {
      throw new StateConflict(`shareKeyword "${keyword}" belongs to another running campaign`);
    }
    if (menuKey && (await this.byRoute('menu', menuKey))) {
      throw new StateConflict(`menuKey "${menuKey}" belongs to another running campaign`);
    }
  }
}
