import type { Role } from './api/client';

/** What each role may do in the console; the API enforces the same rules on its side. */
export const can = {
  viewDashboard: (r: Role) => r !== 'CLERK',
  viewTemplates: (r: Role) => r !== 'CLERK',
  editTemplates: (r: Role) => r === 'ADMIN' || r === 'MARKETER',
  redeem: (r: Role) => r === 'ADMIN' || r === 'MARKETER' || r === 'CLERK',
  publishMenu: (r: Role) => r === 'ADMIN' || r === 'MARKETER',
  manageUsers: (r: Role) => r === 'ADMIN',
};

export const ROLE_LABEL: Record<Role, string> = {
  ADMIN: '管理员',
  MARKETER: '运营',
  CLERK: '店员',
  VIEWER: '只读',
};
