import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RedisClient } from '@app/core';

export type ClaimScriptReply = [string, ...(string | number)[]];

export interface ClaimScriptArgs {
  openid: string;
  code: string;
  ttlSeconds: number;
  /** Meta field the template must still hold (its keyword, menu key, welcome flag). */
  route?: { field: 'kw' | 'menu' | 'welcome'; value: string };
  rateLimit: number;
  rateWindowMs: number;
}

/** The Lua scripts as typed commands. ioredis sends EVALSHA and falls back to EVAL on NOSCRIPT,
 * so a SCRIPT FLUSH or a Redis restart is recovered transparently. */
export interface IssuanceScripts {
  claim(keys: string[], args: ClaimScriptArgs): Promise<ClaimScriptReply>;
  release(keys: string[], openid: string, stockSeq: number, userSeq: number): Promise<number>;
  /** keys: issued, users, request, free. giveBack*: the attempt's seqs MySQL lacks (0: none). */
  catchUp(
    keys: string[],
    openid: string,
    maxStockSeq: number,
    maxUserSeq: number,
    giveBackStockSeq: number,
    giveBackUserSeq: number,
  ): Promise<number>;
  mergeCounts(usersKey: string, pairs: (string | number)[]): Promise<number>;
  publishState(
    keys: string[],
    issued: number,
    freeSeqs: string,
    meta: (string | number)[],
  ): Promise<number>;
  updateMeta(metaKey: string, fields: (string | number)[]): Promise<number>;
  /** Lowers a follower's count from `seen` to `to` (compare-and-set); 1 when it did. */
  giveBackCount(usersKey: string, openid: string, seen: number, to: number): Promise<number>;
}

const lua = (name: string): string => readFileSync(join(__dirname, `${name}.lua`), 'utf8');

type Cmd = (...args: (string | number)[]) => Promise<unknown>;

export function defineIssuanceScripts(redis: RedisClient): IssuanceScripts {
  const define = (name: string, file: string, numberOfKeys?: number): Cmd => {
    redis.defineCommand(name, { lua: lua(file), numberOfKeys });
    const cmd = (redis as unknown as Record<string, Cmd>)[name];
    return cmd.bind(redis);
  };
  const claim = define('wxcClaim', 'claim', 8);
  const release = define('wxcRelease', 'release', 4);
  const catchUp = define('wxcCatchUp', 'catch-up', 4);
  const mergeCounts = define('wxcMergeCounts', 'merge-counts', 1);
  const publishState = define('wxcPublishState', 'publish-state', 3);
  const updateMeta = define('wxcUpdateMeta', 'update-meta', 1);
  const giveBackCount = define('wxcGiveBackCount', 'give-back-count', 1);
  return {
    claim: (keys, a) =>
      claim(
        ...keys,
        a.openid,
        a.code,
        a.ttlSeconds,
        a.route?.field ?? '',
        a.route?.value ?? '',
        a.rateLimit,
        a.rateWindowMs,
      ) as Promise<ClaimScriptReply>,
    release: (keys, openid, s, u) => release(...keys, openid, s, u) as Promise<number>,
    catchUp: (keys, openid, s, u, gs, gu) =>
      catchUp(...keys, openid, s, u, gs, gu) as Promise<number>,
    mergeCounts: (usersKey, pairs) => mergeCounts(usersKey, ...pairs) as Promise<number>,
    publishState: (keys, issued, free, meta) =>
      publishState(...keys, issued, free, ...meta) as Promise<number>,
    updateMeta: (metaKey, fields) => updateMeta(metaKey, ...fields) as Promise<number>,
    giveBackCount: (usersKey, openid, seen, to) =>
      giveBackCount(usersKey, openid, seen, to) as Promise<number>,
  };
}
