import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * METRICS_TOKEN check: `Authorization: Bearer <token>`, compared in constant time (digests, so
 * the length of the configured token leaks nothing either). No token configured = open.
 */
export function metricsAuthorized(header: string | undefined, token: string | undefined): boolean {
  if (!token) return true;
  const given = /^Bearer +(\S+) *$/i.exec(header ?? '')?.[1];
  if (!given) return false;
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(token));
}
