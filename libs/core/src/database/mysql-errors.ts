/**
 * Name of the unique key a MySQL/MariaDB duplicate-entry error (ER_DUP_ENTRY, errno 1062) hit,
 * 'unknown' when the message does not say; null for any other error. Unique keys are how this
 * service turns races into facts, so every caller reads them the same way.
 */
export function duplicateKeyOf(err: unknown): string | null {
  const e = err as {
    code?: string;
    errno?: number;
    driverError?: { code?: string; errno?: number };
    message?: string;
  };
  const code = e.code ?? e.driverError?.code;
  const errno = e.errno ?? e.driverError?.errno;
  if (code !== 'ER_DUP_ENTRY' && errno !== 1062) return null;
  const match = /for key '(?:\w+\.)?(\w+)'/.exec(e.message ?? '');
  return match ? match[1] : 'unknown';
}

/** InnoDB chose this transaction as a deadlock victim (ER_LOCK_DEADLOCK, errno 1213): retry it. */
export function isDeadlock(err: unknown): boolean {
  const e = err as { errno?: number; driverError?: { errno?: number } };
  return (e.errno ?? e.driverError?.errno) === 1213;
}
