import { ConflictException, HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, Repository } from 'typeorm';
import { ApiException, type FieldError } from '@app/core';
import type { CreateCouponTemplateDto } from '../dto/create-coupon-template.dto';
import type { ListTemplatesQuery } from '../dto/list-templates.query';
import {
  CouponTemplate,
  DiscountType,
  TemplateStatus,
  ValidityType,
} from '../entities/coupon-template.entity';
import { TemplateStateService } from '../issuance/template-state.service';

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
  ) {
    this.repo = db.getRepository(CouponTemplate);
  }

  async create(dto: CreateCouponTemplateDto): Promise<CouponTemplate> {
    const errors = checkRules(dto);
    if (errors.length > 0) {
      const message = errors.map((e) => `${e.field}: ${e.errors.join(', ')}`).join('; ');
      throw new ApiException(HttpStatus.BAD_REQUEST, message, errors);
    }
    const percent = dto.discountType === DiscountType.PERCENT;
    const fixed = dto.validityType === ValidityType.FIXED;
    const entity = this.repo.create({
      name: dto.name,
      description: dto.description ?? null,
      status: TemplateStatus.DRAFT,
      discountType: dto.discountType,
      amountCents: percent ? null : (dto.amountCents ?? null),
      percentOff: percent ? (dto.percentOff ?? null) : null,
      maxDiscountCents: percent ? (dto.maxDiscountCents ?? null) : null,
      thresholdCents: dto.thresholdCents ?? 0,
      totalQuantity: dto.totalQuantity,
      perUserLimit: dto.perUserLimit ?? 1,
      claimStartsAt: new Date(dto.claimStartsAt),
      claimEndsAt: new Date(dto.claimEndsAt),
      validityType: dto.validityType,
      validFrom: fixed && dto.validFrom ? new Date(dto.validFrom) : null,
      validTo: fixed && dto.validTo ? new Date(dto.validTo) : null,
      validDays: fixed ? null : (dto.validDays ?? null),
      keyword: dto.keyword?.trim() || null,
      menuKey: dto.menuKey ?? null,
      version: 1,
    });
    try {
      return await this.repo.save(entity);
    } catch (err) {
      throw liveKeyClash(err) ?? err;
    }
  }

  async list(q: ListTemplatesQuery): Promise<{ items: CouponTemplate[]; total: number }> {
    const [items, total] = await this.repo.findAndCount({
      where: q.status ? { status: q.status } : {},
      order: { id: 'DESC' },
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    });
    return { items, total };
  }

  async get(id: number): Promise<{ template: CouponTemplate; issuedCount: number }> {
    const template = await this.repo.findOneBy({ id });
    if (!template) throw new NotFoundException(`Coupon template ${id} not found`);
    const [{ n }] = await this.db.query<{ n: string }[]>(
      'SELECT COUNT(*) AS n FROM coupon WHERE template_id = ?',
      [id],
    );
    return { template, issuedCount: Number(n) };
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
    if (!template) throw new NotFoundException(`Coupon template ${id} not found`);
    if (affected === 0) {
      throw new ConflictException(`Cannot ${action} a template that is ${template.status}`);
    }
    if (to === TemplateStatus.ACTIVE) await this.state.rebuild(id);
    else await this.state.publishMeta(template);
    await this.state.rebuildRoutes();
    return template;
  }
}

/** Rules that relate fields to each other (the DTO checks each field on its own). */
function checkRules(dto: CreateCouponTemplateDto): FieldError[] {
  const errors: FieldError[] = [];
  const add = (field: string, message: string) => errors.push({ field, errors: [message] });
  if (Date.parse(dto.claimEndsAt) <= Date.parse(dto.claimStartsAt)) {
    add('claimEndsAt', 'claimEndsAt must be after claimStartsAt');
  }
  if (dto.discountType === DiscountType.AMOUNT) {
    if (dto.percentOff !== undefined) add('percentOff', 'percentOff is only for PERCENT discounts');
    if (dto.maxDiscountCents !== undefined) {
      add('maxDiscountCents', 'maxDiscountCents is only for PERCENT discounts');
    }
    if (dto.thresholdCents && dto.amountCents && dto.amountCents > dto.thresholdCents) {
      add('amountCents', 'amountCents must not exceed thresholdCents');
    }
  } else if (dto.amountCents !== undefined) {
    add('amountCents', 'amountCents is only for AMOUNT discounts');
  }
  if (dto.validityType === ValidityType.FIXED) {
    if (dto.validDays !== undefined) add('validDays', 'validDays is only for RELATIVE validity');
    if (dto.validFrom && dto.validTo && Date.parse(dto.validTo) <= Date.parse(dto.validFrom)) {
      add('validTo', 'validTo must be after validFrom');
    }
    if (dto.validTo && Date.parse(dto.validTo) < Date.parse(dto.claimStartsAt)) {
      add('validTo', 'validTo must not be before claimStartsAt');
    }
  } else {
    if (dto.validFrom !== undefined) add('validFrom', 'validFrom is only for FIXED validity');
    if (dto.validTo !== undefined) add('validTo', 'validTo is only for FIXED validity');
  }
  if (dto.keyword !== undefined && dto.keyword.trim() === '')
    add('keyword', 'keyword must not be blank');
  return errors;
}

/** The live_keyword / live_menu_key unique keys turn a race into a clear 400 naming the field. */
function liveKeyClash(err: unknown): ApiException | null {
  const e = err as { code?: string; driverError?: { code?: string }; message?: string };
  if ((e.code ?? e.driverError?.code) !== 'ER_DUP_ENTRY') return null;
  const field = e.message?.includes('live_menu_key') ? 'menuKey' : 'keyword';
  const msg = `${field} is already used by another live template`;
  return new ApiException(HttpStatus.BAD_REQUEST, `${field}: ${msg}`, [{ field, errors: [msg] }]);
}
