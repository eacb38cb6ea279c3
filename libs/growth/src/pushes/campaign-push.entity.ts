import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export enum PushChannel {
  /** WECHAT_TAG audience: one mass send filtered by tag (cgi-bin/message/mass/sendall). */
  MASS_TAG = 'MASS_TAG',
  /** OPENID_LIST audience: one customer-service message per follower, through a queue. */
  CUSTOM_MESSAGE = 'CUSTOM_MESSAGE',
}

export enum PushState {
  /** Sent to the preview openid only. */
  PREVIEW_SENT = 'PREVIEW_SENT',
  /** Mass send submitted (waiting for MASSSENDJOBFINISH), or list deliveries under way. */
  SENDING = 'SENDING',
  DONE = 'DONE',
  FAILED = 'FAILED',
}

/** A campaign push: what was said to which audience about which template, and how it went. */
@Entity('campaign_push')
export class CampaignPush {
  @PrimaryGeneratedColumn({ unsigned: true })
  id: number;

  @Column({ name: 'template_id', type: 'int', unsigned: true })
  templateId: number;

  @Column({ name: 'audience_id', type: 'int', unsigned: true })
  audienceId: number;

  @Column({ type: 'varchar', length: 16 })
  channel: PushChannel;

  @Column({ type: 'varchar', length: 1024 })
  text: string;

  @Column({ name: 'preview_openid', type: 'varchar', length: 64, nullable: true })
  previewOpenid: string | null;

  @Column({ type: 'varchar', length: 16 })
  state: PushState;

  /** The platform's msg_id of a mass send (MASSSENDJOBFINISH names it). */
  @Column({ name: 'msg_id', type: 'varchar', length: 32, nullable: true })
  msgId: string | null;

  /** The fan-out job of a list push. */
  @Column({ name: 'job_id', type: 'int', unsigned: true, nullable: true })
  jobId: number | null;

  @Column({ name: 'fanout_done', type: 'boolean', default: false })
  fanoutDone: boolean;

  @Column({ name: 'total_count', type: 'int', unsigned: true, default: 0 })
  totalCount: number;

  @Column({ name: 'filter_count', type: 'int', unsigned: true, nullable: true })
  filterCount: number | null;

  @Column({ name: 'sent_count', type: 'int', unsigned: true, default: 0 })
  sentCount: number;

  @Column({ name: 'error_count', type: 'int', unsigned: true, default: 0 })
  errorCount: number;

  /** Followers outside the 48-hour customer-service window (45015): reported, not retried. */
  @Column({ name: 'not_reachable_count', type: 'int', unsigned: true, default: 0 })
  notReachableCount: number;

  @Column({ type: 'varchar', length: 512, nullable: true })
  error: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;

  @Column({ name: 'finished_at', type: 'datetime', precision: 3, nullable: true })
  finishedAt: Date | null;
}
