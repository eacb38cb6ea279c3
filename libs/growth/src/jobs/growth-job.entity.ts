import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export enum GrowthJobState {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  DONE = 'DONE',
  FAILED = 'FAILED',
}

/** A background job's durable record: what to do, how far it got, where to resume. */
@Entity('growth_job')
export class GrowthJob {
  @PrimaryGeneratedColumn({ unsigned: true })
  id: number;

  /** Which handler runs it ('audience-sync', 'tag-from-coupons', ...). */
  @Column({ type: 'varchar', length: 32 })
  kind: string;

  /** What it works on, e.g. 'audience:3'. */
  @Column({ name: 'subject_key', type: 'varchar', length: 64 })
  subjectKey: string;

  /** subjectKey while QUEUED/RUNNING, NULL after: one active job per subject (unique key). */
  @Column({ name: 'active_key', type: 'varchar', length: 64, nullable: true })
  activeKey: string | null;

  @Column({ type: 'varchar', length: 16 })
  state: GrowthJobState;

  @Column({ type: 'simple-json' })
  params: Record<string, unknown>;

  /** Where to resume (the handler's own shape); saved after every unit of work. */
  @Column({ type: 'simple-json', nullable: true })
  checkpoint: Record<string, unknown> | null;

  @Column({ type: 'int', unsigned: true, default: 0 })
  progress: number;

  @Column({ type: 'int', unsigned: true, nullable: true })
  total: number | null;

  @Column({ type: 'varchar', length: 512, nullable: true })
  error: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;

  @Column({ name: 'finished_at', type: 'datetime', precision: 3, nullable: true })
  finishedAt: Date | null;
}
