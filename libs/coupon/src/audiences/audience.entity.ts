import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export enum AudienceKind {
  /** Members come from a WeChat user tag (synced from the platform). */
  WECHAT_TAG = 'WECHAT_TAG',
  /** Members are uploaded (CSV/JSON) or edited by hand. */
  OPENID_LIST = 'OPENID_LIST',
}

export enum AudienceSyncStatus {
  IDLE = 'IDLE',
  /** An upload or a sync is filling the staging generation. */
  RUNNING = 'RUNNING',
  DONE = 'DONE',
  FAILED = 'FAILED',
}

/** Who may claim a template. Members: audience_member rows of the live `generation`. */
@Entity('audience')
export class Audience {
  @PrimaryGeneratedColumn({ unsigned: true })
  id: number;

  @Column({ length: 64 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  kind: AudienceKind;

  @Column({ name: 'tag_id', type: 'int', unsigned: true, nullable: true })
  tagId: number | null;

  /** The live member generation; uploads and syncs fill another and switch this in one UPDATE. */
  @Column({ type: 'int', unsigned: true, default: 1 })
  generation: number;

  @Column({ name: 'staging_generation', type: 'int', unsigned: true, default: 1 })
  stagingGeneration: number;

  @Column({ name: 'member_count', type: 'int', unsigned: true, default: 0 })
  memberCount: number;

  @Column({ name: 'sync_status', type: 'varchar', length: 16, default: AudienceSyncStatus.IDLE })
  syncStatus: AudienceSyncStatus;

  @Column({ name: 'sync_started_at', type: 'datetime', precision: 3, nullable: true })
  syncStartedAt: Date | null;

  @Column({ name: 'synced_at', type: 'datetime', precision: 3, nullable: true })
  syncedAt: Date | null;

  @Column({ name: 'sync_error', type: 'varchar', length: 512, nullable: true })
  syncError: string | null;

  /** Bumped by every member change, so a Redis reload can tell it read a moving list. */
  @Column({ type: 'int', unsigned: true, default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
