import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import type { DashboardSnapshot, HourCounts, MinuteCounts } from '../dashboard.service';

export class StreamTicketView {
  @ApiProperty({
    description: 'Single-use; pass as ?ticket= to the stream within expiresInSeconds',
    example: 'q3Jx0cXb1Vv0yq7m8yW9oS0bqGd2aZC3',
  })
  ticket: string;

  @ApiProperty({ example: 30 }) expiresInSeconds: number;

  @ApiProperty({
    example: '/api/v1/admin/dashboard/stream?ticket=q3Jx0cXb1Vv0yq7m8yW9oS0bqGd2aZC3',
  })
  streamUrl: string;
}

export class MinuteCountsView {
  @ApiProperty({ format: 'date-time', description: 'Start of the minute' }) at: string;
  @ApiProperty({
    description: 'Claims by outcome (GRANTED, SOLD_OUT, LIMIT_REACHED, ...)',
    example: { GRANTED: 12, SOLD_OUT: 3 },
    additionalProperties: { type: 'integer' },
  })
  claims: Record<string, number>;
  @ApiProperty({ example: 4 }) redemptions: number;
  @ApiProperty({ description: 'Redemptions undone', example: 0 }) undone: number;

  static from(m: MinuteCounts): MinuteCountsView {
    return { ...m, at: m.at.toISOString() };
  }
}

export class TodayCountsView {
  @ApiProperty({ description: 'Claims granted today (China day)', example: 120 }) granted: number;
  @ApiProperty({ description: 'Claims refused today (any reason)', example: 15 }) refused: number;
  @ApiProperty({ description: 'Redemptions today, net of undos', example: 40 }) redemptions: number;
}

export class StockView {
  @ApiProperty({ example: 12 }) templateId: number;
  @ApiProperty({ example: '新客立减10元' }) name: string;
  @ApiProperty({ example: 1000 }) totalQuantity: number;
  @ApiProperty({ example: 640 }) remaining: number;
}

export class TotalsView {
  @ApiProperty({ example: 800 }) issued: number;
  @ApiProperty({ example: 300 }) redeemed: number;
  @ApiProperty({ format: 'double', example: 0.375, description: 'redeemed / issued' })
  redemptionRate: number;
}

export class TopTemplateView {
  @ApiProperty({ example: 12 }) templateId: number;
  @ApiProperty({ example: '新客立减10元' }) name: string;
  @ApiProperty({ description: 'Claims granted today', example: 88 }) granted: number;
}

/** One dashboard state: the body of GET /snapshot and the data of each stream event. */
export class DashboardSnapshotView {
  @ApiProperty({
    description: 'Last audit stream entry counted; also the SSE event id',
    example: '1764576000000-0',
  })
  lastEventId: string;
  @ApiProperty({ format: 'date-time' }) generatedAt: string;
  @ApiProperty({ type: [MinuteCountsView], description: 'The last 30 minutes, oldest first' })
  minutes: MinuteCountsView[];
  @ApiProperty({ type: TodayCountsView }) today: TodayCountsView;
  @ApiProperty({ type: [StockView], description: 'Active templates' }) stock: StockView[];
  @ApiProperty({ type: TotalsView, description: 'All templates, from MySQL' }) totals: TotalsView;
  @ApiProperty({ type: [TopTemplateView], description: 'Most claimed today, up to 10' })
  top: TopTemplateView[];

  static from(s: DashboardSnapshot): DashboardSnapshotView {
    return {
      ...s,
      generatedAt: s.generatedAt.toISOString(),
      minutes: s.minutes.map((m) => MinuteCountsView.from(m)),
    };
  }
}

export class HourCountsView {
  @ApiProperty({ format: 'date-time', description: 'Start of the hour (UTC)' }) at: string;
  @ApiProperty({ example: 30 }) granted: number;
  @ApiProperty({ example: 4 }) refused: number;
  @ApiProperty({ description: 'Net of undos', example: 9 }) redemptions: number;

  static from(h: HourCounts): HourCountsView {
    return { ...h, at: h.at.toISOString() };
  }
}

export class HourlyView {
  @ApiProperty({ example: '2026-12-01' }) date: string;
  @ApiProperty({ type: [HourCountsView], description: '24 hours, 00:00-23:00 China time' })
  hours: HourCountsView[];
}

export class HourlyQuery {
  @ApiPropertyOptional({
    description: 'China day, YYYY-MM-DD (default: today)',
    example: '2026-12-01',
  })
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'date must be YYYY-MM-DD' })
  date?: string;
}

export class StreamQuery {
  @ApiProperty({ description: 'From POST /api/v1/admin/dashboard/stream-ticket (single use)' })
  @Matches(/^[A-Za-z0-9_-]{16,64}$/, { message: 'ticket must be 16-64 of [A-Za-z0-9_-]' })
  ticket: string;

  @ApiPropertyOptional({
    description: 'Last event id seen (or the Last-Event-ID header): a fresh snapshot catches up',
  })
  @IsOptional()
  @Matches(/^\d{1,20}-\d{1,20}$/, { message: 'lastEventId must be a stream id (ms-seq)' })
  lastEventId?: string;
}
