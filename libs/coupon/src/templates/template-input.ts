import type { FieldError } from '@app/core';
import type {
  DiscountType,
  TemplateStatus,
  ValidityType,
} from '../entities/coupon-template.entity';

/**
 * A template as a create asks for it. Each field has passed the edge's shape checks (types,
 * ranges, formats); `checkTemplateRules` relates them to each other. Times are ISO-8601 strings.
 */
export interface CreateTemplateInput {
  name: string;
  description?: string;
  discountType: DiscountType;
  amountCents?: number;
  percentOff?: number;
  maxDiscountCents?: number;
  thresholdCents?: number;
  totalQuantity: number;
  perUserLimit?: number;
  dailyLimit?: number;
  /** ISO weekdays, 1 = Mon ... 7 = Sun, China time. */
  usableWeekdays?: number[];
  /** HH:mm China time, with usableTimeEnd. */
  usableTimeStart?: string;
  usableTimeEnd?: string;
  claimStartsAt: string;
  claimEndsAt: string;
  validityType: ValidityType;
  validFrom?: string;
  validTo?: string;
  validDays?: number;
  keyword?: string;
  menuKey?: string;
  welcome?: boolean;
  /** Only members of this audience may claim; editable while DRAFT. */
  audienceId?: number;
}

/** The changes of an edit: any subset of the create fields (null clears an optional one). */
export type TemplateChanges = { [K in keyof CreateTemplateInput]?: CreateTemplateInput[K] | null };

export interface UpdateTemplateInput extends TemplateChanges {
  /** Optimistic lock: the version the editor read. */
  expectedVersion?: number;
}

/**
 * The edge's per-field checks of a full create body (what its schema says of each field alone).
 * A DRAFT edit merges the changes into the stored template and must pass them like a create.
 */
export type TemplateShapeCheck = (body: Record<string, unknown>) => FieldError[];

export interface TemplateListFilter {
  status?: TemplateStatus;
  page: number;
  pageSize: number;
}
