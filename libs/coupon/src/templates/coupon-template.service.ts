import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, Repository } from 'typeorm';
import { duplicateKeyOf } from '@app/core';
import {
  CouponTemplate,
  DiscountType,
  TemplateStatus,
  ValidityType,
} from '../entities/coupon-template.entity';
import { Audience } from '../audiences/audience.entity';
import { TemplateStateService } from '../issuance/template-state.service';
import { CouponRepository } from '../coupons/coupon.repository';
import { NotFound, StateConflict, TemplateRuleViolation } from '../refusals/coupon-refusals';
import type {
  CreateTemplateInput,
  TemplateChanges,
  TemplateListFilter,
  TemplateShapeCheck,
  UpdateTemplateInput,
} from './template-input';
import { checkTemplateRules } from './template-rules';

export type TemplateAction = 'activate' | 'pause' | 'end';

/** Which statuses each action may start from; anything else is a 409. */
const TRANSITIONS: Record<TemplateAction, { from: TemplateStatus[]; to: TemplateStatus }> = {
  activate: { from: [TemplateStatus.DRAFT, TemplateStatus.PAUSED], to: TemplateStatus.ACTIVE },
  pause: { from: [TemplateStatus.ACTIVE], to: TemplateStatus.PAUSED },
  end: {
    from: [TemplateStatus.DRAFT, TemplateStatus.ACTIVE, TemplateStatus.PAUSED],
    to: TemplateStatus.ENDED,
  },
};

@Injectable()
export class CouponTemplateService {
  private readonly repo: Repository<CouponTemplate>;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly state: TemplateStateService,
    private readonly coupons: CouponRepository,
  ) {
    this.repo = db.getRepository(CouponTemplate);
  }

  async create(dto: CreateTemplateInput): Promise<CouponTemplate> {
    const errors = checkTemplateRules(dto);
    if (errors.length > 0) throw new TemplateRuleViolation(errors);
    await this.assertAudience(dto.audienceId);
    const entity = this.repo.create({
      ...fieldsFrom(dto),
      status: TemplateStatus.DRAFT,
      version: 1,
    });
    try {
      return await this.repo.save(entity);
    } catch (err) {
      throw liveKeyClash(err) ?? err;
    }
  }

  /**
   * PATCH: a DRAFT may change anything (validated like a create); a live template only what cannot
   * hurt followers holding coupons or the stock invariant. Compare-and-set on `version`; MySQL is
   * written first and the Redis meta follows, so a lagging Redis total can only refuse claims (the
   * guarded INSERT checks MySQL's total_quantity), never oversell. `checkShape` is the edge's
   * per-field check a merged DRAFT must pass like a create.
   */
  async update(
    id: number,
    dto: UpdateTemplateInput,
    checkShape: TemplateShapeCheck,
  ): Promise<CouponTemplate> {
    const { expectedVersion, ...changes } = dto;
    const current = await this.repo.findOneBy({ id });
    if (!current) throw new NotFound(`Coupon template ${id} not found`);
    if (expectedVersion !== undefined && expectedVersion !== current.version) {
      throw new StateConflict(
        `Template ${id} is at version ${current.version}, not ${expectedVersion}; reload and retry`,
      );
    }
    const patch =
      current.status === TemplateStatus.DRAFT
        ? draftPatch(current, changes, checkShape)
        : livePatch(current, changes);
    await this.assertAudience(patch.audienceId);
    let affected: number;
    try {
      const res = await this.repo
        .createQueryBuilder()
        .update(CouponTemplate)
        .set({ ...patch, version: () => 'version + 1' })
        .where('id = :id AND version = :version AND status = :status', {
          id,
          version: current.version,
          status: current.status,
        })
        .execute();
      affected = res.affected ?? 0;
    } catch (err) {
      throw liveKeyClash(err) ?? err;
    }
    if (affected === 0) {
      throw new StateConflict(`Template ${id} was changed concurrently; reload and retry`);
    }
    const updated = await this.repo.findOneByOrFail({ id });
    await this.state.publishMeta(updated);
    return updated;
  }

  /** A template may only name an audience that exists (a 400 naming the field otherwise). */
  private async assertAudience(audienceId: number | null | undefined): Promise<void> {
    if (audienceId === undefined || audienceId === null) return;
    if (!(await this.db.getRepository(Audience).existsBy({ id: audienceId }))) {
      throw TemplateRuleViolation.of('audienceId', `audience ${audienceId} does not exist`);
    }
  }

  async list(q: TemplateListFilter): Promise<{ items: CouponTemplate[]; total: number }> {
    const [items, total] = await this.repo.findAndCount({
      where: q.status ? { status: q.status } : {},
      order: { id: 'DESC' },
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    });
    return { items, total };
  }

  /** Coupons issued per template (absent = none), for lists that show live remaining stock. */
  issuedCounts(ids: number[]): Promise<Map<number, number>> {
    return this.coupons.issuedCounts(ids);
  }

  async get(id: number): Promise<{ template: CouponTemplate; issuedCount: number }> {
    const template = await this.repo.findOneBy({ id });
    if (!template) throw new NotFound(`Coupon template ${id} not found`);
    const { issued } = await this.coupons.stockSummary(id);
    return { template, issuedCount: issued };
  }

  /** Compare-and-set status change, then the Redis gate and keyword routes follow MySQL. */
  async transition(id: number, action: TemplateAction): Promise<CouponTemplate> {
    const { from, to } = TRANSITIONS[action];
    let affected: number;
    try {
      const res = await this.repo
        .createQueryBuilder()
        .update(CouponTemplate)
        .set({ status: to, version: () => 'version + 1' })
        .where('id = :id AND status IN (:...from)', { id, from })
        .execute();
      affected = res.affected ?? 0;
    } catch (err) {
      throw liveKeyClash(err) ?? err;
    }
    const template = await this.repo.findOneBy({ id });
    if (!template) throw new NotFound(`Coupon template ${id} not found`);
    if (affected === 0) {
      throw new StateConflict(`Cannot ${action} a template that is ${template.status}`);
    }
    if (to === TemplateStatus.ACTIVE) await this.state.rebuild(id);
    else await this.state.publishMeta(template);
    await this.state.rebuildRoutes();
    return template;
  }
}

/** Entity columns for a (validated) create body; DRAFT edits reuse it on the merged body. */
function fieldsFrom(dto: CreateTemplateInput): Partial<CouponTemplate> {
  const percent = dto.discountType === DiscountType.PERCENT;
  const fixed = dto.validityType === ValidityType.FIXED;
  return {
    name: dto.name,
    description: dto.description ?? null,
    discountType: dto.discountType,
    amountCents: percent ? null : (dto.amountCents ?? null),
    percentOff: percent ? (dto.percentOff ?? null) : null,
    maxDiscountCents: percent ? (dto.maxDiscountCents ?? null) : null,
    thresholdCents: dto.thresholdCents ?? 0,
    totalQuantity: dto.totalQuantity,
    perUserLimit: dto.perUserLimit ?? 1,
    dailyLimit: dto.dailyLimit ?? null,
    usableWeekdays: dto.usableWeekdays?.length ? [...dto.usableWeekdays].sort() : null,
    usableTimeStart: dto.usableTimeStart ?? null,
    usableTimeEnd: dto.usableTimeEnd ?? null,
    claimStartsAt: new Date(dto.claimStartsAt),
    claimEndsAt: new Date(dto.claimEndsAt),
    validityType: dto.validityType,
    validFrom: fixed && dto.validFrom ? new Date(dto.validFrom) : null,
    validTo: fixed && dto.validTo ? new Date(dto.validTo) : null,
    validDays: fixed ? null : (dto.validDays ?? null),
    keyword: dto.keyword?.trim() || null,
    menuKey: dto.menuKey ?? null,
    welcome: dto.welcome ?? false,
    audienceId: dto.audienceId ?? null,
  };
}

/** The stored template as a create body, so a DRAFT edit is validated exactly like a create. */
function asCreateBody(t: CouponTemplate): Record<string, unknown> {
  const iso = (d: Date | null) => d?.toISOString();
  return {
    name: t.name,
    description: t.description ?? undefined,
    discountType: t.discountType,
    amountCents: t.amountCents ?? undefined,
    percentOff: t.percentOff ?? undefined,
    maxDiscountCents: t.maxDiscountCents ?? undefined,
    thresholdCents: t.thresholdCents,
    totalQuantity: t.totalQuantity,
    perUserLimit: t.perUserLimit,
    dailyLimit: t.dailyLimit ?? undefined,
    usableWeekdays: t.usableWeekdays ?? undefined,
    usableTimeStart: t.usableTimeStart ?? undefined,
    usableTimeEnd: t.usableTimeEnd ?? undefined,
    claimStartsAt: iso(t.claimStartsAt),
    claimEndsAt: iso(t.claimEndsAt),
    validityType: t.validityType,
    validFrom: iso(t.validFrom),
    validTo: iso(t.validTo),
    validDays: t.validDays ?? undefined,
    keyword: t.keyword ?? undefined,
    menuKey: t.menuKey ?? undefined,
    welcome: t.welcome || undefined,
    audienceId: t.audienceId ?? undefined,
  };
}

/** Merge the changes into the stored DRAFT (null clears a field) and validate as a create. */
function draftPatch(
  current: CouponTemplate,
  changes: TemplateChanges,
  checkShape: TemplateShapeCheck,
): Partial<CouponTemplate> {
  const merged = asCreateBody(current);
  for (const [k, v] of Object.entries(changes)) {
    if (v === null) delete merged[k];
    else if (v !== undefined) merged[k] = v;
  }
  // Switching discount/validity type drops the other type's fields instead of tripping over them.
  if (changes.discountType === DiscountType.PERCENT && changes.amountCents === undefined) {
    delete merged.amountCents;
  }
  if (changes.discountType === DiscountType.AMOUNT) {
    if (changes.percentOff === undefined) delete merged.percentOff;
    if (changes.maxDiscountCents === undefined) delete merged.maxDiscountCents;
  }
  if (changes.validityType === ValidityType.RELATIVE) {
    if (changes.validFrom === undefined) delete merged.validFrom;
    if (changes.validTo === undefined) delete merged.validTo;
  }
  if (changes.validityType === ValidityType.FIXED && changes.validDays === undefined) {
    delete merged.validDays;
  }
  const fieldErrors = checkShape(merged);
  // Passing the shape check makes the merged body a create input.
  const body = merged as unknown as CreateTemplateInput;
  const errors = fieldErrors.length > 0 ? fieldErrors : checkTemplateRules(body);
  if (errors.length > 0) throw new TemplateRuleViolation(errors);
  return fieldsFrom(body);
}

/** What may change while followers can claim: nothing that alters issued coupons or the gate's
 * promises, and stock/claim window only in the direction that cannot strand anyone. */
const LIVE_EDITABLE = new Set(['name', 'description', 'totalQuantity', 'claimEndsAt']);

function livePatch(current: CouponTemplate, changes: TemplateChanges): Partial<CouponTemplate> {
  if (current.status === TemplateStatus.ENDED) {
    throw new StateConflict('An ENDED template cannot be edited');
  }
  const stored = asCreateBody(current);
  const refused = Object.entries(changes)
    .filter(([k, v]) => v !== undefined && !LIVE_EDITABLE.has(k))
    .filter(([k, v]) => JSON.stringify(stored[k] ?? null) !== JSON.stringify(v))
    .map(([k]) => k);
  if (refused.length > 0) {
    throw new StateConflict(
      `Cannot change ${refused.join(', ')} while the template is ${current.status}`,
      { refusedFields: refused },
    );
  }
  const patch: Partial<CouponTemplate> = {};
  if (changes.name === null) throw TemplateRuleViolation.of('name', 'name is required');
  if (changes.name !== undefined) patch.name = changes.name;
  if (changes.description !== undefined) patch.description = changes.description ?? null;
  if (changes.totalQuantity !== undefined && changes.totalQuantity !== current.totalQuantity) {
    if (changes.totalQuantity === null || changes.totalQuantity < current.totalQuantity) {
      throw new StateConflict(
        `totalQuantity may only be raised while ${current.status} (now ${current.totalQuantity})`,
      );
    }
    patch.totalQuantity = changes.totalQuantity;
  }
  if (changes.claimEndsAt !== undefined) {
    const endsAt = changes.claimEndsAt === null ? NaN : Date.parse(changes.claimEndsAt);
    if (!(endsAt >= current.claimEndsAt.getTime())) {
      throw new StateConflict(
        `claimEndsAt may only be extended while ${current.status} (now ${current.claimEndsAt.toISOString()})`,
      );
    }
    patch.claimEndsAt = new Date(endsAt);
  }
  return patch;
}

/** The live_keyword / live_menu_key unique keys turn a race into a clear 400 naming the field. */
function liveKeyClash(err: unknown): TemplateRuleViolation | null {
  const key = duplicateKeyOf(err);
  if (key === null) return null;
  const field = key.includes('live_menu_key')
    ? 'menuKey'
    : key.includes('live_welcome')
      ? 'welcome'
      : 'keyword';
  const msg =
    field === 'welcome'
      ? 'another live template is already the welcome coupon'
      : `${field} is already used by another live template`;
  return TemplateRuleViolation.of(field, msg);
}
