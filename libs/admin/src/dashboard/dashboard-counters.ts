import type { AuditEvent } from '@app/audit';
import { chinaDay, type RedisClient } from '@app/core';

/** Every dashboard key shares one hash tag: the apply script touches several at once (Cluster). */
const P = 'dash:{dash}';
export const CURSOR_KEY = `${P}:cursor`;
export const minuteKey = (minute: number): string => `${P}:m:${minute}`;
export const hourKey = (hour: number): string => `${P}:h:${hour}`;
export const topKey = (day: string): string => `${P}:top:${day}`;
export const ticketKey = (ticket: string): string => `${P}:ticket:${ticket}`;

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
/** Per-minute counters feed the live chart (last 30 minutes); kept a little longer. */
const MINUTE_TTL_S = 3 * 3600;
/** Hourly counters and the daily top list feed "a chosen day": about a month back. */
const DAY_TTL_S = 40 * 86400;

/** Counter fields: `c:<OUTCOME>` claims by outcome, `r` redemptions, `u` redemptions undone. */
export const REDEEMED_FIELD = 'r';
export const UNDONE_FIELD = 'u';
export const claimField = (outcome: string): string => `c:${outcome}`;

/**
 * Applies one stream entry's increments exactly once across all instances: every instance tails
 * the same audit stream, and only the first to present an entry id above the shared cursor
 * counts it (stream ids only grow, so "above the cursor" is "not yet counted").
 * KEYS[1] = cursor, KEYS[2..] = counter keys; ARGV[1] = entry id, then per op:
 * key index, kind (h = hash, z = sorted set), field, increment, ttl.
 */
const APPLY_LUA = `
local function parse(id)
  local ms, seq = string.match(id, '^(%d+)-(%d+)$')
  return tonumber(ms), tonumber(seq)
end
local cur = redis.call('GET', KEYS[1])
local ms, seq = parse(ARGV[1])
if cur then
  local cms, cseq = parse(cur)
  if ms < cms or (ms == cms and seq <= cseq) then return 0 end
end
redis.call('SET', KEYS[1], ARGV[1])
for i = 2, #ARGV, 5 do
  local key = KEYS[tonumber(ARGV[i])]
  if ARGV[i + 1] == 'h' then
    redis.call('HINCRBY', key, ARGV[i + 2], ARGV[i + 3])
  else
    redis.call('ZINCRBY', key, ARGV[i + 3], ARGV[i + 2])
  end
  redis.call('EXPIRE', key, ARGV[i + 4])
end
return 1
`;

type ApplyCmd = (...args: (string | number)[]) => Promise<number>;

/** The counters the live dashboard reads, kept in Redis so every instance sees the same. */
export class DashboardCounters {
  private readonly applyCmd: ApplyCmd;

  constructor(private readonly redis: RedisClient) {
    redis.defineCommand('wxcDashApply', { lua: APPLY_LUA });
    this.applyCmd = (redis as unknown as Record<string, ApplyCmd>).wxcDashApply.bind(redis);
  }

  /** 1 when this call counted the entry, 0 when some instance already had. */
  apply(entryId: string, events: AuditEvent[]): Promise<number> {
    const keys: string[] = [CURSOR_KEY];
    const ops: (string | number)[] = [];
    const keyIndex = (key: string): number => {
      let i = keys.indexOf(key);
      if (i < 0) i = keys.push(key) - 1;
      return i + 1; // Lua is 1-based
    };
    const add = (key: string, kind: 'h' | 'z', field: string, ttl: number) =>
      ops.push(keyIndex(key), kind, field, 1, ttl);
    for (const e of events) {
      const field = fieldFor(e);
      if (!field) continue;
      const t = e.occurredAt.getTime();
      add(minuteKey(Math.floor(t / MINUTE_MS)), 'h', field, MINUTE_TTL_S);
      add(hourKey(Math.floor(t / HOUR_MS)), 'h', field, DAY_TTL_S);
      if (field === claimField('GRANTED') && e.templateId !== null) {
        add(topKey(chinaDay(e.occurredAt)), 'z', String(e.templateId), DAY_TTL_S);
      }
    }
    return this.applyCmd(keys.length, ...keys, entryId, ...ops);
  }

  async cursor(): Promise<string | null> {
    return this.redis.get(CURSOR_KEY);
  }

  /** Sets the cursor unless an instance already has; resolves to the cursor now in force. */
  async initCursor(id: string): Promise<string> {
    await this.redis.set(CURSOR_KEY, id, 'NX');
    return (await this.cursor()) ?? id;
  }

  /** Counter hashes for consecutive hours, oldest first. */
  async hours(first: number, count: number): Promise<Counts[]> {
    const pipeline = this.redis.pipeline();
    for (let i = 0; i < count; i += 1) pipeline.hgetall(hourKey(first + i));
    return replies(await pipeline.exec()).map(toCounts);
  }

  /**
   * What the live dashboard shows, read in ONE transaction: the cursor and exactly the counts it
   * stands for. Read apart, a snapshot could name an entry as counted that its counts lack.
   */
  async view(q: {
    minutes: Range;
    hours: Range;
    day: string;
    topN: number;
  }): Promise<CountersView> {
    const tx = this.redis.multi().get(CURSOR_KEY);
    for (let i = 0; i < q.minutes.count; i += 1) tx.hgetall(minuteKey(q.minutes.first + i));
    for (let i = 0; i < q.hours.count; i += 1) tx.hgetall(hourKey(q.hours.first + i));
    tx.zrevrange(topKey(q.day), 0, q.topN - 1, 'WITHSCORES');
    const [cursor, ...rest] = replies(await tx.exec());
    const flat = rest.pop() as string[];
    const top: CountersView['top'] = [];
    for (let i = 0; i + 1 < flat.length; i += 2) {
      top.push({ templateId: Number(flat[i]), granted: Number(flat[i + 1]) });
    }
    const counts = rest.map(toCounts);
    return {
      cursor: cursor as string | null,
      minutes: counts.slice(0, q.minutes.count),
      hours: counts.slice(q.minutes.count),
      top,
    };
  }
}

/** Counter fields of one bucket (see claimField, REDEEMED_FIELD, UNDONE_FIELD). */
export type Counts = Record<string, number>;
/** Consecutive buckets: the first one's number (minutes or hours since the epoch), how many. */
export interface Range {
  first: number;
  count: number;
}
export interface CountersView {
  /** The last stream entry counted, or null before any was. */
  cursor: string | null;
  minutes: Counts[];
  hours: Counts[];
  /** Templates with the most claims granted that day, most first. */
  top: { templateId: number; granted: number }[];
}

function replies(results: [Error | null, unknown][] | null): unknown[] {
  if (!results) throw new Error('dashboard read aborted');
  return results.map(([err, value]) => {
    if (err) throw err;
    return value;
  });
}

function toCounts(value: unknown): Counts {
  const out: Counts = {};
  for (const [k, v] of Object.entries((value ?? {}) as Record<string, string>)) out[k] = Number(v);
  return out;
}

function fieldFor(e: AuditEvent): string | null {
  if (e.kind === 'CLAIM') return claimField(e.outcome);
  if (e.kind === 'REDEEM' && e.outcome === 'REDEEMED') return REDEEMED_FIELD;
  if (e.kind === 'REDEEM_UNDO') return UNDONE_FIELD;
  return null;
}

export const MINUTE = MINUTE_MS;
export const HOUR = HOUR_MS;
