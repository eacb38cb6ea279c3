import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { duplicateKeyOf, fieldError } from '@app/core';
import { AdminUserView } from '../auth/dto/admin-user.view';
import { AdminUser } from '../auth/entities/admin-user.entity';
import type { AdminPrincipal } from '../auth/admin-principal';
import { LoginThrottle } from '../auth/login-throttle';
import { PasswordHasher } from '../auth/password-hasher';
import type { CreateAdminUserDto } from './admin-user.dto';

/**
 * Admin user management. Every change that must end existing sessions (disable, enable, password
 * reset or change) bumps token_version in the same UPDATE: the AuthGuard re-reads the user on each
 * request, so old tokens stop working at once on every instance.
 */
@Injectable()
export class AdminUsersService {
  constructor(
    @InjectRepository(AdminUser) private readonly users: Repository<AdminUser>,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
  ) {}

  async create(dto: CreateAdminUserDto): Promise<AdminUserView> {
    const passwordHash = await this.hasher.hash(dto.password);
    try {
      const saved = await this.users.save(
        this.users.create({ username: dto.username, passwordHash, role: dto.role }),
      );
      return AdminUserView.from(await this.users.findOneByOrFail({ id: saved.id }));
    } catch (err) {
      if (duplicateKeyOf(err) !== null)
        throw new ConflictException(`Username ${dto.username} is taken`);
      throw err;
    }
  }

  async list(): Promise<AdminUserView[]> {
    const users = await this.users.find({ order: { id: 'ASC' } });
    return users.map((u) => AdminUserView.from(u));
  }

  async setDisabled(id: number, disabled: boolean, actorId: number): Promise<AdminUserView> {
    if (disabled && id === actorId) {
      throw new ConflictException('You cannot disable your own account');
    }
    await this.bump(id, { disabled });
    return AdminUserView.from(await this.users.findOneByOrFail({ id }));
  }

  async resetPassword(id: number, newPassword: string): Promise<void> {
    await this.bump(id, { passwordHash: await this.hasher.hash(newPassword) });
  }

  /**
   * A wrong currentPassword uses the same failure budget as a wrong login password (it is the
   * same guess), so this cannot serve as an unthrottled password oracle: 429 once it is spent.
   */
  async changeOwnPassword(
    admin: AdminPrincipal,
    ip: string,
    current: string,
    next: string,
  ): Promise<void> {
    const attempt = await this.throttle.take(admin.username, ip);
    const user = await this.users.findOne({
      where: { id: admin.id },
      select: { id: true, passwordHash: true },
    });
    const ok = user !== null && (await this.hasher.verify(current, user.passwordHash));
    if (user && !ok) throw fieldError('currentPassword', 'currentPassword is wrong');
    await this.throttle.release(attempt);
    if (!user) throw new NotFoundException('User not found');
    const id = user.id;
    if (current === next)
      throw fieldError('newPassword', 'newPassword must differ from the current one');
    const passwordHash = await this.hasher.hash(next);
    // Compare-and-set on the old hash: a concurrent reset wins instead of being overwritten.
    const res = await this.users
      .createQueryBuilder()
      .update(AdminUser)
      .set({ passwordHash, tokenVersion: () => 'token_version + 1' })
      .where('id = :id AND password_hash = :old', { id, old: user.passwordHash })
      .execute();
    if ((res.affected ?? 0) === 0) throw new ConflictException('Password changed concurrently');
  }

  private async bump(id: number, set: Partial<AdminUser>): Promise<void> {
    const res = await this.users
      .createQueryBuilder()
      .update(AdminUser)
      .set({ ...set, tokenVersion: () => 'token_version + 1' })
      .where('id = :id', { id })
      .execute();
    if ((res.affected ?? 0) === 0) throw new NotFoundException(`Admin user ${id} not found`);
  }
}
