import { randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AdminRole, AdminUser, PasswordHasher } from '@app/admin';
import { DataSource } from 'typeorm';
import { TEST_ENV } from '../setup/test-env';

const PASSWORD = 'role-user-password-1';

/** Logs in through the real endpoint; creates a user of the given role first when needed. */
export async function adminToken(
  app: NestFastifyApplication,
  role: AdminRole = AdminRole.ADMIN,
): Promise<string> {
  let username = TEST_ENV.ADMIN_BOOTSTRAP_USERNAME;
  let password = TEST_ENV.ADMIN_BOOTSTRAP_PASSWORD;
  if (role !== AdminRole.ADMIN) {
    username = `${role.toLowerCase()}_${randomBytes(4).toString('hex')}`;
    password = PASSWORD;
    const users = app.get(DataSource).getRepository(AdminUser);
    const passwordHash = await app.get(PasswordHasher).hash(password);
    await users.save(users.create({ username, passwordHash, role }));
  }
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/admin/auth/login',
    payload: { username, password },
  });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  return res.json<{ accessToken: string }>().accessToken;
}
