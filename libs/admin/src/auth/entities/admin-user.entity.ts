import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/** What an admin may do; ADMIN passes every role check. */
export enum AdminRole {
  ADMIN = 'ADMIN',
  MARKETER = 'MARKETER',
  CLERK = 'CLERK',
  VIEWER = 'VIEWER',
}

/** What a username may be (checked on every write; ASCII, so the database cannot fold it). */
export const ADMIN_USERNAME = /^[A-Za-z0-9_.-]{3,64}$/;

/**
 * An operator of the admin API. `passwordHash` is never selected unless asked for explicitly, so a
 * plain `find()` cannot leak it. Bumping `tokenVersion` revokes every token issued before.
 */
@Entity('admin_user')
export class AdminUser {
  @PrimaryGeneratedColumn({ unsigned: true })
  id: number;

  @Column({ type: 'varchar', length: 64, unique: true })
  username: string;

  @Column({ name: 'password_hash', type: 'varchar', length: 255, select: false })
  passwordHash: string;

  @Column({ type: 'varchar', length: 16 })
  role: AdminRole;

  @Column({ type: 'boolean', default: false })
  disabled: boolean;

  @Column({ name: 'token_version', type: 'int', unsigned: true, default: 0 })
  tokenVersion: number;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
