import { randomBytes } from 'node:crypto';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  UnauthorizedException,
} from '@nestjs/common';
import { JwtService, TokenExpiredError } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { duplicateKeyOf } from '@app/core';
import { authConfig, type AuthConfig } from './auth.settings';
import type { AdminPrincipal } from './admin-principal';
import { AdminUserView } from './dto/admin-user.view';
import type { LoginResponseDto } from './dto/login-response.dto';
import { ADMIN_USERNAME, AdminRole, AdminUser } from './entities/admin-user.entity';
import { LoginThrottle } from './login-throttle';
import { PasswordHasher } from './password-hasher';

/** Claims we sign. `sub` is the user id as a string (RFC 7519); `ver` is the user's token_version. */
export interface AccessTokenPayload {
  sub: string;
  username: string;
  role: AdminRole;
  ver: number;
}

/** One message for every login failure, so it never tells which part was wrong. */
const INVALID_CREDENTIALS = 'Invalid username or password';

@Injectable()
export class AuthService implements OnApplicationBootstrap {
  private readonly logger = new Logger(AuthService.name);
  private dummyHash?: Promise<string>;

  constructor(
    @InjectRepository(AdminUser) private readonly users: Repository<AdminUser>,
    private readonly jwt: JwtService,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    @Inject(authConfig.KEY) private readonly cfg: AuthConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await Promise.all([this.getDummyHash(), this.ensureBootstrapAdmin()]);
  }

  /**
   * One attempt from the name's and the IP's failure budgets is taken before the password is
   * checked and given back unless the answer is 401 (see LoginThrottle).
   */
  async login(username: string, password: string, ip: string): Promise<LoginResponseDto> {
    const attempt = await this.throttle.take(username, ip);
    try {
      const res = await this.verifyLogin(username, password);
      await this.throttle.release(attempt);
      return res;
    } catch (err) {
      if (err instanceof UnauthorizedException) {
        // Never the password; the username and IP are what an operator needs to spot guessing.
        this.logger.warn(`failed admin login for "${username}" from ${ip}`);
      } else await this.throttle.release(attempt);
      throw err;
    }
  }

  private async verifyLogin(username: string, password: string): Promise<LoginResponseDto> {
    // Only names that can exist reach the database, and the row must be that name (case aside):
    // MySQL's collation would also match `admin ` or `ádmin` to `admin`.
    const user = ADMIN_USERNAME.test(username)
      ? await this.users.findOne({
          where: { username },
          select: {
            id: true,
            username: true,
            passwordHash: true,
            role: true,
            disabled: true,
            tokenVersion: true,
          },
        })
      : null;
    if (!user || user.username.toLowerCase() !== username.toLowerCase()) {
      // Spend the same scrypt time as for a real user so timing does not reveal who exists.
      await this.hasher.verify(password, await this.getDummyHash());
      throw new UnauthorizedException(INVALID_CREDENTIALS);
    }
    const ok = await this.hasher.verify(password, user.passwordHash);
    if (!ok || user.disabled) throw new UnauthorizedException(INVALID_CREDENTIALS);
    if (this.hasher.needsRehash(user.passwordHash)) await this.rehash(user, password);

    const payload: AccessTokenPayload = {
      sub: String(user.id),
      username: user.username,
      role: user.role,
      ver: user.tokenVersion,
    };
    return {
      accessToken: await this.jwt.signAsync(payload),
      expiresIn: this.cfg.jwtExpiresInSeconds,
      tokenType: 'Bearer',
      role: user.role,
    };
  }

  /**
   * Verifies the JWT (HS256 only, signature + exp) and re-reads the user, so disabling a user or
   * bumping token_version takes effect on the very next request, and role changes apply at once.
   */
  async authenticate(token: string): Promise<AdminPrincipal> {
    let claims: Partial<Record<keyof AccessTokenPayload | 'exp', unknown>>;
    try {
      claims = await this.jwt.verifyAsync(token);
    } catch (err) {
      throw new UnauthorizedException(
        err instanceof TokenExpiredError ? 'Access token expired' : 'Invalid access token',
      );
    }
    const id =
      typeof claims.sub === 'string' && /^[1-9]\d{0,9}$/.test(claims.sub) ? +claims.sub : 0;
    const ver = claims.ver;
    // verify() checks exp only when present: a token without one (signed elsewhere with our
    // secret, or by a mistake) would never expire. Ours always carry it.
    if (
      !id ||
      typeof ver !== 'number' ||
      !Number.isInteger(ver) ||
      typeof claims.exp !== 'number'
    ) {
      throw new UnauthorizedException('Invalid access token');
    }
    const user = await this.users.findOne({ where: { id } });
    if (!user || user.disabled || user.tokenVersion !== ver) {
      throw new UnauthorizedException('Access token has been revoked');
    }
    return { id: user.id, username: user.username, role: user.role };
  }

  async listUsers(): Promise<AdminUserView[]> {
    const users = await this.users.find({ order: { id: 'ASC' } });
    return users.map((u) => AdminUserView.from(u));
  }

  /**
   * Creates the configured ADMIN when the table is empty. Several instances may boot at once: the
   * unique username key lets exactly one insert win and the others ignore ER_DUP_ENTRY. Once any
   * user exists the environment's password is never applied again.
   */
  private async ensureBootstrapAdmin(): Promise<void> {
    if (await this.users.exists()) return;
    const username = this.cfg.bootstrapUsername;
    const passwordHash = await this.hasher.hash(this.cfg.bootstrapPassword);
    try {
      await this.users.insert({ username, passwordHash, role: AdminRole.ADMIN });
      this.logger.warn(`Created bootstrap admin "${username}"; change its password.`);
    } catch (err) {
      if (duplicateKeyOf(err) === null) throw err;
    }
  }

  /** Upgrades an old-cost hash after a successful login; a lost race just leaves the old hash. */
  private async rehash(user: AdminUser, password: string): Promise<void> {
    const passwordHash = await this.hasher.hash(password);
    await this.users.update({ id: user.id, passwordHash: user.passwordHash }, { passwordHash });
  }

  private getDummyHash(): Promise<string> {
    this.dummyHash ??= this.hasher.hash(randomBytes(16).toString('hex'));
    return this.dummyHash;
  }
}
