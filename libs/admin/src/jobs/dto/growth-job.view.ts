import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { type GrowthJob, GrowthJobState } from '@app/growth';

export class GrowthJobView {
  @ApiProperty({ example: 12 }) id: number;
  @ApiProperty({
    example: 'audience-sync',
    description: 'audience-sync | tag-from-coupons | push',
  })
  kind: string;
  @ApiProperty({ enum: GrowthJobState, example: GrowthJobState.RUNNING }) state: GrowthJobState;
  @ApiProperty({
    description: 'Items done so far (openids pulled, tagged, messaged)',
    example: 20000,
  })
  progress: number;
  @ApiPropertyOptional({ nullable: true, type: Number, example: 25000 }) total: number | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: null,
    description: 'Why it FAILED, e.g. the platform errcode',
  })
  error: string | null;
  @ApiProperty({ format: 'date-time', example: '2026-12-01T08:00:00.000Z' }) createdAt: string;
  @ApiProperty({ format: 'date-time', example: '2026-12-01T08:00:05.000Z' }) updatedAt: string;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time', example: null })
  finishedAt: string | null;

  static from(j: GrowthJob): GrowthJobView {
    return {
      id: j.id,
      kind: j.kind,
      state: j.state,
      progress: j.progress,
      total: j.total,
      error: j.error,
      createdAt: j.createdAt.toISOString(),
      updatedAt: j.updatedAt.toISOString(),
      finishedAt: j.finishedAt?.toISOString() ?? null,
    };
  }
}

/** 202 answer of a request that queued (or found running) a background job. */
export class JobAcceptedView extends GrowthJobView {
  @ApiProperty({
    description: 'The job id (same as id): poll GET /api/v1/admin/jobs/{jobId}',
    example: 12,
  })
  jobId: number;

  static accepted(j: GrowthJob): JobAcceptedView {
    return { ...GrowthJobView.from(j), jobId: j.id };
  }
}
