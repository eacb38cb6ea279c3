import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { REDIS_CLIENT, type RedisClient } from '@app/core';
import { AUDIENCE_LOADED, templateKeys } from '../issuance/template-keys';

const PAGE = 5000;
/** A half-built set left by a dead instance frees itself. */
const LOAD_KEY_TTL_SECONDS = 600;
const RELOAD_ATTEMPTS = 3;

/** Adds members only to a set that is loaded: a partial set must never pass for a complete one. */
const ADD_IF_LOADED = `
if redis.call('SISMEMBER', KEYS[1], '${AUDIENCE_LOADED}') == 0 then return 0 end
return redis.call('SADD', KEYS[1], unpack(ARGV))`;

/**
 * The Redis side of audiences: each template with an audience holds its members as a SET under
 * its own hash tag (`cp:{t:<id>}:aud`), so the claim script checks membership in the same round
 * trip and the same Redis Cluster slot. MySQL is the truth; these sets are rebuilt from it.
 */
@Injectable()
export class AudienceGate {
  private readonly logger = new Logger(AudienceGate.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(REDIS_CLIENT) private readonly redis: RedisClient,
  ) {}

  /**
   * Loads a template's member set from MySQL: built beside the live set and swapped in with one
   * RENAME (claims never see it half-built). Read again if the audience changed while it was
   * read (a members:add racing the load), so no live edit is lost.
   */
  async load(templateId: number, audienceId: number | null): Promise<void> {
    const keys = templateKeys(templateId);
    if (audienceId === null) {
      await this.redis.del(keys.audience);
      return;
    }
    for (let attempt = 1; attempt <= RELOAD_ATTEMPTS; attempt++) {
      const before = await this.audienceVersion(audienceId);
      if (!before) {
        // The audience is gone: an empty loaded set admits nobody.
        await this.redis.multi().del(keys.audience).sadd(keys.audience, AUDIENCE_LOADED).exec();
        return;
      }
      const staging = keys.audienceLoad(randomUUID());
      await this.redis
        .multi()
        .sadd(staging, AUDIENCE_LOADED)
        .expire(staging, LOAD_KEY_TTL_SECONDS)
        .exec();
      let after = '';
      for (;;) {
        const rows = await this.db.query<{ openid: string }[]>(
          `SELECT openid FROM audience_member
           WHERE audience_id = ? AND generation = ? AND openid > ? ORDER BY openid LIMIT ?`,
          [audienceId, before.generation, after, PAGE],
        );
        if (rows.length === 0) break;
        await this.redis.sadd(staging, ...rows.map((r) => r.openid));
        after = rows[rows.length - 1].openid;
        if (rows.length < PAGE) break;
      }
      await this.redis.multi().persist(staging).rename(staging, keys.audience).exec();
      const now = await this.audienceVersion(audienceId);
      if (now?.version === before.version) return;
    }
    this.logger.warn(`template ${templateId}: audience ${audienceId} kept changing during load`);
  }

  /** Every loaded template set of the audience learns the new members at once (all instances). */
  async added(audienceId: number, openids: string[]): Promise<void> {
    if (openids.length === 0) return;
    for (const templateId of await this.templatesOf(audienceId)) {
      await this.redis.eval(ADD_IF_LOADED, 1, templateKeys(templateId).audience, ...openids);
    }
  }

  /** Removed members stop claiming at once; coupons they already hold stay theirs. */
  async removed(audienceId: number, openids: string[]): Promise<void> {
    if (openids.length === 0) return;
    for (const templateId of await this.templatesOf(audienceId)) {
      await this.redis.srem(templateKeys(templateId).audience, ...openids);
    }
  }

  /** After a whole list was replaced (upload, tag sync). */
  async reloadAll(audienceId: number): Promise<void> {
    for (const templateId of await this.templatesOf(audienceId)) {
      await this.load(templateId, audienceId);
    }
  }

  /** Templates whose claim gate may hold this audience's set (DRAFTs have no gate yet). */
  private async templatesOf(audienceId: number): Promise<number[]> {
    const rows = await this.db.query<{ id: number }[]>(
      "SELECT id FROM coupon_template WHERE audience_id = ? AND status <> 'DRAFT'",
      [audienceId],
    );
    return rows.map((r) => Number(r.id));
  }

  private async audienceVersion(
    audienceId: number,
  ): Promise<{ generation: number; version: number } | null> {
    const [row] = await this.db.query<{ generation: number; version: number }[]>(
      'SELECT generation, version FROM audience WHERE id = ?',
      [audienceId],
    );
    return row ? { generation: Number(row.generation), version: Number(row.version) } : null;
  }
}
