/**
 * Pure rules of the stock reconciler (no I/O), so they can be unit- and mutation-tested.
 */

/** Seqs in 1..upTo that are not in `held`, ascending. */
export function missingSeqs(upTo: number, held: ReadonlySet<number>): number[] {
  const missing: number[] = [];
  for (let seq = 1; seq <= upTo; seq++) if (!held.has(seq)) missing.push(seq);
  return missing;
}

/**
 * What a follower's count should be lowered to, or null when it is consistent. The count says
 * the follower took user seqs 1..count; if one of them has no row in MySQL, the count is set
 * just below the first missing one, so their next claim takes that seq. Seqs above it that do
 * have rows make later claims clash on UNIQUE(template, openid, user_seq), which raises the
 * count back to MySQL's (catch-up): the per-user limit is still proven by MySQL.
 */
export function followerCountTarget(count: number, held: ReadonlySet<number>): number | null {
  for (let seq = 1; seq <= count; seq++) if (!held.has(seq)) return seq - 1;
  return null;
}

/**
 * Remembers since when each suspect has been seen missing, and with which value (a follower's
 * count): a suspect is confirmed only after it stayed missing, unchanged, for the grace period
 * across passes. A claim still writing its row is never confirmed; a changed value starts over.
 */
export class MissingSince<K> {
  private seen = new Map<K, { value: number; since: number }>();

  /** One full pass: `missing` is every suspect found now. Returns the confirmed ones (and
   * forgets them); suspects not found in this pass are forgotten too. */
  pass(missing: ReadonlyMap<K, number>, now: number, graceMs: number): K[] {
    const confirmed: K[] = [];
    const next = new Map<K, { value: number; since: number }>();
    for (const [key, value] of missing) {
      const before = this.seen.get(key);
      const since = before !== undefined && before.value === value ? before.since : now;
      if (now - since >= graceMs) confirmed.push(key);
      else next.set(key, { value, since });
    }
    this.seen = next;
    return confirmed;
  }

  get size(): number {
    return this.seen.size;
  }
}
