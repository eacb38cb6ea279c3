import {
  type ExecutionContext,
  ForbiddenException,
  HttpException,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Redis } from 'ioredis';
import { IS_PUBLIC_KEY } from '@app/core';
import { TEST_ENV } from '../../../../test/setup/test-env';
import type { AdminPrincipal } from './admin-principal';
import { AdminRateLimiter } from './admin-rate-limiter';
import type { AuthConfig } from './auth.settings';
import { AuthGuard } from './auth.guard';
import type { AuthService } from './auth.service';
import { AdminRole } from './entities/admin-user.entity';
import { ANY_ADMIN_KEY, ROLES_KEY } from './roles.decorator';

/** Tokens the stand-in AuthService knows (the real one is covered by test/admin-*.e2e-spec.ts). */
const TOKENS: Record<string, AdminRole> = {
  'tok.admin': AdminRole.ADMIN,
  'tok.marketer': AdminRole.MARKETER,
  'tok.viewer': AdminRole.VIEWER,
  'padded+/_~-.tok==': AdminRole.CLERK,
};
const auth = {
  authenticate: (token: string): Promise<AdminPrincipal> => {
    if (token === 'tok.forbidden') return Promise.reject(new ForbiddenException('disabled'));
    const role = TOKENS[token];
    if (!role) return Promise.reject(new UnauthorizedException('Invalid token'));
    return Promise.resolve({ id: 7, username: `u-${role}`, role });
  },
} as AuthService;
// The real limiter on the test Redis, with a budget no test here reaches.
const redis = new Redis(TEST_ENV.REDIS_URL, { lazyConnect: true });
const limiter = new AdminRateLimiter(
  { adminRateLimit: 1_000_000, adminRateWindowSeconds: 60 } as AuthConfig,
  redis,
);
const guard = new AuthGuard(new Reflector(), auth, limiter);
afterAll(() => redis.quit());

interface Target {
  public?: boolean;
  roles?: AdminRole[];
  anyAdmin?: boolean;
}
/** A route any signed-in role may use (@AnyAdmin): routes declare their access (issue #10 item 12). */
const ANY: Target = { anyAdmin: true };
function target(meta: Target): () => void {
  const fn = function () {};
  if (meta.public !== undefined) Reflect.defineMetadata(IS_PUBLIC_KEY, meta.public, fn);
  if (meta.roles) Reflect.defineMetadata(ROLES_KEY, meta.roles, fn);
  if (meta.anyAdmin) Reflect.defineMetadata(ANY_ADMIN_KEY, true, fn);
  return fn;
}

async function run(authorization: string | undefined, handler: Target = {}, cls: Target = {}) {
  const headers: Record<string, string> = {};
  const sent: Record<string, string> = {};
  if (authorization !== undefined) headers.authorization = authorization;
  const request: {
    headers: Record<string, string>;
    admin?: AdminPrincipal;
    ip: string;
    routeOptions: { url: string };
  } = { headers, ip: '127.0.0.1', routeOptions: { url: '/api/v1/admin/guard-spec' } };
  const ctx = {
    getHandler: () => target(handler),
    getClass: () => target(cls),
    switchToHttp: () => ({
      getRequest: () => request,
      getResponse: () => ({ header: (k: string, v: string) => (sent[k] = v) }),
    }),
  } as unknown as ExecutionContext;
  try {
    const allowed = await guard.canActivate(ctx);
    return { allowed, status: 200, admin: request.admin, sent };
  } catch (err) {
    if (!(err instanceof HttpException)) throw err;
    return { allowed: false, status: err.getStatus(), message: err.message, sent };
  }
}

describe('AuthGuard', () => {
  it('lets a @Public() handler or controller through without a token', async () => {
    expect(await run(undefined, { public: true })).toMatchObject({ allowed: true });
    expect(await run(undefined, {}, { public: true })).toMatchObject({ allowed: true });
    expect(await run(undefined, { public: false }, { public: true })).toMatchObject({
      status: 401,
    });
  });

  it('is closed by default: no token is 401 with WWW-Authenticate: Bearer', async () => {
    expect(await run(undefined)).toEqual({
      allowed: false,
      status: 401,
      message: 'Missing bearer token',
      sent: { 'WWW-Authenticate': 'Bearer' },
    });
  });

  it.each([
    'Basic tok.admin',
    'Bearer',
    'Bearer ',
    'Bearertok.admin',
    'Bearer tok.admin extra',
    'Bearer tok=admin',
    'xBearer tok.admin',
    'Bearer tok.admin\nx',
  ])('refuses a malformed Authorization header %p with 401', async (header) => {
    expect(await run(header)).toMatchObject({
      status: 401,
      message: 'Missing bearer token',
      sent: { 'WWW-Authenticate': 'Bearer' },
    });
  });

  it.each(['Bearer tok.admin', 'bearer tok.admin', 'BEARER   tok.admin  '])(
    'accepts %p (case-insensitive scheme, spaces around the token)',
    async (header) => {
      expect(await run(header, ANY)).toMatchObject({ allowed: true, admin: { role: 'ADMIN' } });
    },
  );

  it('accepts every token68 character, with = padding only at the end', async () => {
    expect(await run('Bearer padded+/_~-.tok==', ANY)).toMatchObject({
      allowed: true,
      admin: { id: 7, username: 'u-CLERK', role: 'CLERK' },
    });
  });

  it('401 for a token the service refuses; other refusals pass through without the header', async () => {
    expect(await run('Bearer tok.unknown')).toEqual({
      allowed: false,
      status: 401,
      message: 'Invalid token',
      sent: { 'WWW-Authenticate': 'Bearer' },
    });
    expect(await run('Bearer tok.forbidden')).toEqual({
      allowed: false,
      status: 403,
      message: 'disabled',
      sent: {},
    });
  });

  it('checks @Roles: listed roles pass, others 403, ADMIN always', async () => {
    const marketers = { roles: [AdminRole.MARKETER] };
    expect(await run('Bearer tok.marketer', marketers)).toMatchObject({ allowed: true });
    expect(await run('Bearer tok.admin', marketers)).toMatchObject({ allowed: true });
    expect(await run('Bearer tok.viewer', marketers)).toEqual({
      allowed: false,
      status: 403,
      message: 'Role VIEWER may not perform this action',
      sent: {},
    });
  });

  it('deny by default: a route that declares no access is refused to every role, ADMIN too', async () => {
    for (const token of ['tok.viewer', 'tok.marketer', 'tok.admin']) {
      expect(await run(`Bearer ${token}`)).toMatchObject({ allowed: false, status: 403 });
    }
    // An empty @Roles() list admits ADMIN only; @AnyAdmin admits every signed-in role.
    expect(await run('Bearer tok.viewer', { roles: [] })).toMatchObject({ status: 403 });
    expect(await run('Bearer tok.admin', { roles: [] })).toMatchObject({ allowed: true });
    expect(await run('Bearer tok.viewer', ANY)).toMatchObject({ allowed: true });
    expect(await run('Bearer tok.viewer', {}, ANY)).toMatchObject({ allowed: true });
  });

  it("the handler's roles override the controller's", async () => {
    const cls = { roles: [AdminRole.VIEWER] };
    expect(await run('Bearer tok.viewer', { roles: [AdminRole.MARKETER] }, cls)).toMatchObject({
      status: 403,
    });
    expect(await run('Bearer tok.viewer', {}, cls)).toMatchObject({ allowed: true });
    expect(await run('Bearer tok.marketer', {}, cls)).toMatchObject({ status: 403 });
  });
});
