import {
  type BeforeApplicationShutdown,
  Injectable,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { CouponStatsService, CouponTemplateService, TemplateStatus } from '@app/coupon';
import { chinaDay } from '@app/core';
import { claimField, HOUR, MINUTE, REDEEMED_FIELD, UNDONE_FIELD } from './dashboard-counters';
import { DashboardTail } from './dashboard-tail';

export interface MinuteCounts {
  /** Start of the minute (UTC). */
  at: Date;
  /** Claims by outcome (GRANTED, SOLD_OUT, LIMIT_REACHED...). */
  claims: Record<string, number>;
  redemptions: number;
  undone: number;
}

export interface DashboardSnapshot {
  /** The last audit stream entry counted (the SSE event id). */
  lastEventId: string;
  generatedAt: Date;
  minutes: MinuteCounts[];
  today: { granted: number; refused: number; redemptions: number };
  stock: { templateId: number; name: string; totalQuantity: number; remaining: number }[];
  totals: { issued: number; redeemed: number; redemptionRate: number };
  top: { templateId: number; name: string; granted: number }[];
}

export interface HourCounts {
  at: Date;
  granted: number;
  refused: number;
  redemptions: number;
}

const WINDOW_MINUTES = 30;
/** At most one snapshot build per this interval per instance, however many browsers watch. */
const MIN_INTERVAL_MS = 250;
/** Stock and totals change without stream entries too (new templates, edits): refresh anyway. */
const REFRESH_MS = 10_000;

/**
 * Builds the dashboard's snapshot once per instance and hands the same one to every open
 * browser: after the tail counted new entries (coalesced), or every REFRESH_MS.
 */
@Injectable()
export class DashboardService implements BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly subscribers = new Map<(s: DashboardSnapshot) => void, () => void>();
  private building: Promise<DashboardSnapshot> | null = null;
  private pending: NodeJS.Timeout | null = null;
  private lastBuild = 0;
  private readonly refresh: NodeJS.Timeout;
  private readonly stopTail: () => void;

  constructor(
    private readonly tail: DashboardTail,
    private readonly templates: CouponTemplateService,
    private readonly stats: CouponStatsService,
  ) {
    this.stopTail = tail.onChange(() => this.schedule());
    this.refresh = setInterval(() => {
      if (this.subscribers.size > 0) this.schedule();
    }, REFRESH_MS);
    this.refresh.unref();
  }

  /** Open streams would hold the HTTP server open: end them before it closes. */
  beforeApplicationShutdown(): void {
    for (const end of this.subscribers.values()) end();
    this.subscribers.clear();
  }

  onApplicationShutdown(): void {
    this.stopTail();
    clearInterval(this.refresh);
    if (this.pending) clearTimeout(this.pending);
  }

  /** Every snapshot this instance builds from now on; returns the unsubscribe. */
  subscribe(fn: (s: DashboardSnapshot) => void, end: () => void): () => void {
    this.subscribers.set(fn, end);
    return () => this.subscribers.delete(fn);
  }

  /** A fresh snapshot (concurrent callers share one build). */
  snapshot(): Promise<DashboardSnapshot> {
    this.building ??= this.build().finally(() => {
      this.building = null;
    });
    return this.building;
  }

  get subscriberCount(): number {
    return this.subscribers.size;
  }

  /** Claims and redemptions per hour of a China day (00:00-23:00 China time). */
  async hourly(day: string): Promise<HourCounts[]> {
    const start = Date.parse(`${day}T00:00:00+08:00`);
    const first = Math.floor(start / HOUR);
    const rows = await this.tail.counters.hours(first, 24);
    return rows.map((r, i) => ({ at: new Date((first + i) * HOUR), ...claimTotals(r) }));
  }

  private schedule(): void {
    if (this.subscribers.size === 0 || this.pending) return;
    const wait = Math.max(0, this.lastBuild + MIN_INTERVAL_MS - Date.now());
    this.pending = setTimeout(() => {
      this.pending = null;
      void this.snapshot().then(
        (s) => {
          for (const fn of this.subscribers.keys()) fn(s);
        },
        () => undefined, // the next change or refresh tries again
      );
    }, wait);
  }

  private async build(): Promise<DashboardSnapshot> {
    this.lastBuild = Date.now();
    const now = Date.now();
    const counters = this.tail.counters;
    const firstMinute = Math.floor(now / MINUTE) - WINDOW_MINUTES + 1;
    const dayStart = Date.parse(`${chinaDay(new Date(now))}T00:00:00+08:00`);
    const firstHour = Math.floor(dayStart / HOUR);
    const [{ cursor, minutes, hours, top }, active, overview] = await Promise.all([
      counters.view({
        minutes: { first: firstMinute, count: WINDOW_MINUTES },
        hours: { first: firstHour, count: Math.floor(now / HOUR) - firstHour + 1 },
        day: chinaDay(new Date(now)),
        topN: 10,
      }),
      this.templates.list({ status: TemplateStatus.ACTIVE, page: 1, pageSize: 50 }),
      this.stats.overview(),
    ]);
    const ids = [...new Set([...active.items.map((t) => t.id), ...top.map((t) => t.templateId)])];
    const issued = await this.templates.issuedCounts(active.items.map((t) => t.id));
    const names = new Map(active.items.map((t) => [t.id, t.name]));
    const missing = ids.filter((id) => !names.has(id));
    for (const id of missing) {
      const { template } = await this.templates.get(id).catch(() => ({ template: null }));
      names.set(id, template?.name ?? `#${id}`);
    }
    const today = { granted: 0, refused: 0, redemptions: 0 };
    for (const r of hours) {
      const c = claimTotals(r);
      today.granted += c.granted;
      today.refused += c.refused;
      today.redemptions += c.redemptions;
    }
    return {
      lastEventId: cursor ?? '0-0',
      generatedAt: new Date(now),
      minutes: minutes.map((r, i) => minuteCounts(r, (firstMinute + i) * MINUTE)),
      today,
      stock: active.items.map((t) => ({
        templateId: t.id,
        name: t.name,
        totalQuantity: t.totalQuantity,
        remaining: Math.max(0, t.totalQuantity - (issued.get(t.id) ?? 0)),
      })),
      totals: {
        issued: overview.issued,
        redeemed: overview.redeemed,
        redemptionRate: overview.redemptionRate,
      },
      top: top.map((t) => ({ ...t, name: names.get(t.templateId) ?? `#${t.templateId}` })),
    };
  }
}

function minuteCounts(r: Record<string, number>, at: number): MinuteCounts {
  const claims: Record<string, number> = {};
  for (const [k, v] of Object.entries(r)) if (k.startsWith('c:')) claims[k.slice(2)] = v;
  return {
    at: new Date(at),
    claims,
    redemptions: r[REDEEMED_FIELD] ?? 0,
    undone: r[UNDONE_FIELD] ?? 0,
  };
}

function claimTotals(r: Record<string, number>): Omit<HourCounts, 'at'> {
  let granted = 0;
  let refused = 0;
  for (const [k, v] of Object.entries(r)) {
    if (k === claimField('GRANTED')) granted += v;
    else if (k.startsWith('c:')) refused += v;
  }
  return { granted, refused, redemptions: (r[REDEEMED_FIELD] ?? 0) - (r[UNDONE_FIELD] ?? 0) };
}
