import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import {
  type Audience,
  AudienceKind,
  AudienceSyncStatus,
  type CreateAudienceInput,
  OPENID,
} from '@app/coupon';

const OPENID_EXAMPLE = 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o';

export class CreateAudienceDto implements CreateAudienceInput {
  @ApiProperty({ example: 'VIP 会员', maxLength: 64 })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  name: string;

  @ApiProperty({
    enum: AudienceKind,
    example: AudienceKind.OPENID_LIST,
    description: 'OPENID_LIST: members uploaded or edited here; WECHAT_TAG: synced from a tag',
  })
  @IsEnum(AudienceKind)
  kind: AudienceKind;

  @ApiPropertyOptional({ description: 'The WeChat tag id (WECHAT_TAG only)', example: 134 })
  @IsOptional()
  @IsInt()
  @Min(1)
  tagId?: number;
}

export class AudienceMembersDto {
  @ApiProperty({
    type: [String],
    description: '1-1000 openids',
    example: [OPENID_EXAMPLE],
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @IsString({ each: true })
  @Matches(OPENID, { each: true, message: 'each openid must match [A-Za-z0-9_-]{20,64}' })
  openids: string[];
}

export class AudienceView {
  @ApiProperty({ example: 3 }) id: number;
  @ApiProperty({ example: 'VIP 会员' }) name: string;
  @ApiProperty({ enum: AudienceKind, example: AudienceKind.OPENID_LIST }) kind: AudienceKind;
  @ApiPropertyOptional({ nullable: true, type: Number, example: null }) tagId: number | null;
  @ApiProperty({ example: 100000 }) memberCount: number;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    format: 'date-time',
    description: 'When the member list was last replaced (upload or sync)',
    example: '2026-12-01T08:00:00.000Z',
  })
  syncedAt: string | null;
  @ApiProperty({
    enum: AudienceSyncStatus,
    example: AudienceSyncStatus.DONE,
    description: 'RUNNING while an upload or a sync fills the new list',
  })
  syncStatus: AudienceSyncStatus;
  @ApiPropertyOptional({ nullable: true, type: String, example: null }) syncError: string | null;
  @ApiProperty({ format: 'date-time', example: '2026-12-01T07:00:00.000Z' }) createdAt: string;

  static from(a: Audience): AudienceView {
    return {
      id: a.id,
      name: a.name,
      kind: a.kind,
      tagId: a.tagId,
      memberCount: a.memberCount,
      syncedAt: a.syncedAt?.toISOString() ?? null,
      syncStatus: a.syncStatus,
      syncError: a.syncError,
      createdAt: a.createdAt.toISOString(),
    };
  }
}

export class AudienceList {
  @ApiProperty({ type: [AudienceView] }) items: AudienceView[];
}

export class MembersUploadResult {
  @ApiProperty({ type: AudienceView }) audience: AudienceView;
  @ApiProperty({
    description: 'Valid openids read (duplicates counted once in memberCount)',
    example: 100000,
  })
  accepted: number;
}
