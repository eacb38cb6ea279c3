import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { OPENID } from '@app/coupon';
import { type CampaignPush, PushChannel, PushState } from '@app/growth';

export class PushMessageDto {
  @ApiProperty({
    example: 'VIP 专享：发送「VIP券」领取 20 元优惠券，限时 3 天！',
    maxLength: 600,
  })
  @IsString()
  @MinLength(1)
  @MaxLength(600)
  text: string;
}

export class PushPreviewDto {
  @ApiProperty({ example: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' })
  @IsString()
  @Matches(OPENID, { message: 'openid must match [A-Za-z0-9_-]{20,64}' })
  openid: string;
}

export class CreateCampaignPushDto {
  @ApiProperty({ description: 'The campaign the message is about', example: 7 })
  @IsInt()
  @Min(1)
  templateId: number;

  @ApiProperty({ description: 'Who is told', example: 3 })
  @IsInt()
  @Min(1)
  audienceId: number;

  @ApiProperty({ type: PushMessageDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => PushMessageDto)
  message: PushMessageDto;

  @ApiPropertyOptional({
    type: PushPreviewDto,
    description:
      'Send to this follower only (WECHAT_TAG: mass/preview; OPENID_LIST: one message) to check it first',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => PushPreviewDto)
  preview?: PushPreviewDto;
}

export class CampaignPushView {
  @ApiProperty({ example: 5 }) id: number;
  @ApiProperty({ example: 7 }) templateId: number;
  @ApiProperty({ example: 3 }) audienceId: number;
  @ApiProperty({
    enum: PushChannel,
    example: PushChannel.MASS_TAG,
    description: 'MASS_TAG (WECHAT_TAG audience) or CUSTOM_MESSAGE (OPENID_LIST, queued)',
  })
  channel: PushChannel;
  @ApiProperty({
    enum: PushState,
    example: PushState.SENDING,
    description:
      'SENDING until MASSSENDJOBFINISH (tag) or every delivery has an outcome (list); PREVIEW_SENT for a preview',
  })
  state: PushState;
  @ApiProperty({ example: 'VIP 专享：发送「VIP券」领取 20 元优惠券，限时 3 天！' }) text: string;
  @ApiPropertyOptional({ nullable: true, type: String, example: null }) previewOpenid:
    string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: '1000',
    description: 'The mass send msg_id',
  })
  msgId: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    example: null,
    description: 'Fan-out job of a list push (GET /api/v1/admin/jobs/{id})',
  })
  jobId: number | null;
  @ApiProperty({ description: 'TotalCount (tag) or followers queued (list)', example: 120 })
  totalCount: number;
  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    description: 'FilterCount (tag)',
    example: 118,
  })
  filterCount: number | null;
  @ApiProperty({ example: 115 }) sentCount: number;
  @ApiProperty({ description: 'ErrorCount (tag) or failed deliveries (list)', example: 1 })
  errorCount: number;
  @ApiProperty({
    description: 'List push: followers outside the 48-hour window (45015), not retried',
    example: 2,
  })
  notReachableCount: number;
  @ApiProperty({ description: 'errorCount + notReachableCount', example: 3 }) failedCount: number;
  @ApiPropertyOptional({ nullable: true, type: String, example: null }) error: string | null;
  @ApiProperty({ format: 'date-time', example: '2026-12-01T08:00:00.000Z' }) createdAt: string;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time', example: null })
  finishedAt: string | null;

  static from(p: CampaignPush): CampaignPushView {
    return {
      id: p.id,
      templateId: p.templateId,
      audienceId: p.audienceId,
      channel: p.channel,
      state: p.state,
      text: p.text,
      previewOpenid: p.previewOpenid,
      msgId: p.msgId,
      jobId: p.jobId,
      totalCount: p.totalCount,
      filterCount: p.filterCount,
      sentCount: p.sentCount,
      errorCount: p.errorCount,
      notReachableCount: p.notReachableCount,
      failedCount: p.errorCount + p.notReachableCount,
      error: p.error,
      createdAt: p.createdAt.toISOString(),
      finishedAt: p.finishedAt?.toISOString() ?? null,
    };
  }
}
