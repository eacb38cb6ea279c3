import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager, Repository } from 'typeorm';
import { NotFound, RuleViolation, StateConflict } from '../refusals/coupon-refusals';
import { AudienceGate } from './audience-gate';
import { Audience, AudienceKind, AudienceSyncStatus } from './audience.entity';
import { InvalidMembers } from './audience-refusals';

/** What WeChat openids look like (28 characters today; a little room either way). */
export const OPENID = /^[A-Za-z0-9_-]{20,64}$/;
export const MAX_AUDIENCE_MEMBERS = 1_000_000;
const INSERT_BATCH = 1000;
/** Line numbers reported of a refused upload (the count covers them all). */
const REPORTED_INVALID = 100;
/** A RUNNING upload/sync older than this was abandoned by a dead instance. */
const STALE_RUN_MINUTES = 60;

export interface CreateAudienceInput {
  name: string;
  kind: AudienceKind;
  tagId?: number;
}

/** One candidate openid of an upload, with where it came from (1-based line or array index). */
export interface MemberLine {
  line: number;
  value: string;
}

export interface ReplaceResult {
  audience: Audience;
  accepted: number;
}

/**
 * Audiences (issue #12): who may claim a template. Members are written to MySQL first, then the
 * claim gate's Redis sets follow (AudienceGate). A whole-list replacement (upload, tag sync) fills
 * a staging generation and switches it in one UPDATE, so the old list stays until the new one is
 * complete; a bad upload leaves nothing behind.
 */
@Injectable()
export class AudienceService {
  private readonly repo: Repository<Audience>;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly gate: AudienceGate,
  ) {
    this.repo = db.getRepository(Audience);
  }

  async create(input: CreateAudienceInput): Promise<Audience> {
    if (input.kind === AudienceKind.WECHAT_TAG && input.tagId === undefined) {
      throw RuleViolation.of('tagId', 'tagId is required for a WECHAT_TAG audience');
    }
    if (input.kind === AudienceKind.OPENID_LIST && input.tagId !== undefined) {
      throw RuleViolation.of('tagId', 'an OPENID_LIST audience has no tagId');
    }
    return this.repo.save(
      this.repo.create({ name: input.name, kind: input.kind, tagId: input.tagId ?? null }),
    );
  }

  list(): Promise<Audience[]> {
    return this.repo.find({ order: { id: 'DESC' } });
  }

  async get(id: number): Promise<Audience> {
    const audience = await this.repo.findOneBy({ id });
    if (!audience) throw new NotFound(`Audience ${id} not found`);
    return audience;
  }

  /** The live members in openid order after `after` (a resumable walk, e.g. a push fan-out). */
  async membersPage(id: number, after: string, limit: number): Promise<string[]> {
    const rows = await this.db.query<{ openid: string }[]>(
      `SELECT m.openid FROM audience_member m JOIN audience a ON a.id = m.audience_id
       WHERE m.audience_id = ? AND m.generation = a.generation AND m.openid > ?
       ORDER BY m.openid LIMIT ?`,
      [id, after, limit],
    );
    return rows.map((r) => r.openid);
  }

  /** Small live edits of a list; they reach every instance's next claim at once. */
  async addMembers(id: number, openids: string[]): Promise<Audience> {
    checkOpenids(openids);
    const unique = [...new Set(openids)];
    await this.editMembers(id, async (m, generation) => {
      const res = await m.query<{ affectedRows: number }>(
        `INSERT IGNORE INTO audience_member (audience_id, generation, openid) VALUES ${unique.map(() => '(?, ?, ?)').join(', ')}`,
        unique.flatMap((o) => [id, generation, o]),
      );
      return Number(res.affectedRows);
    });
    await this.gate.added(id, unique);
    return this.get(id);
  }

  /** Removed members stop claiming; a coupon already granted is never revoked. */
  async removeMembers(id: number, openids: string[]): Promise<Audience> {
    checkOpenids(openids);
    const unique = [...new Set(openids)];
    await this.editMembers(id, async (m, generation) => {
      const res = await m.query<{ affectedRows: number }>(
        `DELETE FROM audience_member WHERE audience_id = ? AND generation = ? AND openid IN (${unique.map(() => '?').join(', ')})`,
        [id, generation, ...unique],
      );
      return -Number(res.affectedRows);
    });
    await this.gate.removed(id, unique);
    return this.get(id);
  }

  /**
   * Replaces an OPENID_LIST's members from an upload, read as it arrives (batches of 1,000 rows,
   * never the whole list in memory). All or nothing: any invalid line refuses the whole upload
   * (InvalidMembers names the lines) and the old list stays.
   */
  async replaceMembers(id: number, lines: AsyncIterable<MemberLine>): Promise<ReplaceResult> {
    const audience = await this.get(id);
    if (audience.kind !== AudienceKind.OPENID_LIST) {
      throw new StateConflict(
        `Audience ${id} is a ${audience.kind}: its members come from the platform`,
      );
    }
    const generation = await this.beginReplace(id);
    let accepted = 0;
    const invalid: { line: number; reason: string }[] = [];
    let invalidCount = 0;
    let batch: string[] = [];
    try {
      for await (const { line, value } of lines) {
        const reason = !OPENID.test(value)
          ? 'not an openid ([A-Za-z0-9_-]{20,64})'
          : accepted >= MAX_AUDIENCE_MEMBERS
            ? `more than ${MAX_AUDIENCE_MEMBERS} openids`
            : null;
        if (reason) {
          invalidCount += 1;
          if (invalid.length < REPORTED_INVALID) invalid.push({ line, reason });
          continue;
        }
        accepted += 1;
        if (invalidCount > 0) continue; // refused anyway: keep reading only to report lines
        batch.push(value);
        if (batch.length >= INSERT_BATCH) {
          await this.stage(id, generation, batch);
          batch = [];
        }
      }
      if (invalidCount > 0) throw new InvalidMembers(invalidCount, invalid);
      await this.stage(id, generation, batch);
      return { audience: await this.commitReplace(id, generation), accepted };
    } catch (err) {
      await this.abortReplace(id, generation, err instanceof InvalidMembers ? null : String(err));
      throw err;
    }
  }

  /**
   * Starts a whole-list replacement: claims the audience (one at a time, across instances) and
   * returns the new staging generation. A RUNNING one older than an hour was abandoned;
   * `takeOver`: the caller is the one job allowed to replace this list (a tag sync restarting).
   */
  async beginReplace(id: number, takeOver = false): Promise<number> {
    const res = await this.db.query<{ affectedRows: number }>(
      `UPDATE audience SET staging_generation = GREATEST(generation, staging_generation) + 1,
         sync_status = ?, sync_started_at = NOW(3), sync_error = NULL
       WHERE id = ? AND (? OR sync_status <> ? OR sync_started_at < NOW(3) - INTERVAL ${STALE_RUN_MINUTES} MINUTE)`,
      [AudienceSyncStatus.RUNNING, id, takeOver, AudienceSyncStatus.RUNNING],
    );
    if (Number(res.affectedRows) === 0) {
      await this.get(id);
      throw new StateConflict(
        `Audience ${id} is being replaced already; try again when it is done`,
      );
    }
    const { generation, stagingGeneration } = await this.get(id);
    // Rows of abandoned replacements (a crash mid-upload) are not part of anything.
    await this.db.query(
      'DELETE FROM audience_member WHERE audience_id = ? AND generation NOT IN (?, ?)',
      [id, generation, stagingGeneration],
    );
    return stagingGeneration;
  }

  /** Adds openids to a staging generation (duplicates are ignored). */
  async stage(id: number, generation: number, openids: string[]): Promise<void> {
    if (openids.length === 0) return;
    await this.db.query(
      `INSERT IGNORE INTO audience_member (audience_id, generation, openid) VALUES ${openids.map(() => '(?, ?, ?)').join(', ')}`,
      openids.flatMap((o) => [id, generation, o]),
    );
  }

  /** Switches the staging generation live in one UPDATE, drops the old one, refreshes Redis. */
  async commitReplace(id: number, generation: number): Promise<Audience> {
    const previous = await this.db.transaction(async (m) => {
      const [row] = await m.query<{ generation: number }[]>(
        'SELECT generation FROM audience WHERE id = ? AND staging_generation = ? AND sync_status = ? FOR UPDATE',
        [id, generation, AudienceSyncStatus.RUNNING],
      );
      if (!row) throw new StateConflict(`Audience ${id} replacement was superseded`);
      const [{ n }] = await m.query<{ n: string }[]>(
        'SELECT COUNT(*) AS n FROM audience_member WHERE audience_id = ? AND generation = ?',
        [id, generation],
      );
      await m.query(
        `UPDATE audience SET generation = ?, member_count = ?, sync_status = ?, synced_at = NOW(3),
           version = version + 1 WHERE id = ?`,
        [generation, Number(n), AudienceSyncStatus.DONE, id],
      );
      return Number(row.generation);
    });
    await this.gate.reloadAll(id);
    await this.dropGeneration(id, previous);
    return this.get(id);
  }

  /** Gives up a replacement: its staged rows go, the live list is untouched. */
  async abortReplace(id: number, generation: number, error: string | null): Promise<void> {
    await this.db.query(
      'UPDATE audience SET sync_status = ?, sync_error = ? WHERE id = ? AND staging_generation = ? AND sync_status = ?',
      [
        error === null ? AudienceSyncStatus.IDLE : AudienceSyncStatus.FAILED,
        error?.slice(0, 512) ?? null,
        id,
        generation,
        AudienceSyncStatus.RUNNING,
      ],
    );
    await this.dropGeneration(id, generation);
  }

  private async dropGeneration(id: number, generation: number): Promise<void> {
    for (;;) {
      const res = await this.db.query<{ affectedRows: number }>(
        'DELETE FROM audience_member WHERE audience_id = ? AND generation = ? LIMIT 10000',
        [id, generation],
      );
      if (Number(res.affectedRows) < 10000) return;
    }
  }

  /** Runs a member edit on the live generation, holding the audience row so a list swap waits. */
  private async editMembers(
    id: number,
    edit: (m: EntityManager, generation: number) => Promise<number>,
  ): Promise<void> {
    await this.db.transaction(async (m) => {
      const [row] = await m.query<{ generation: number; kind: string }[]>(
        'SELECT generation, kind FROM audience WHERE id = ? FOR UPDATE',
        [id],
      );
      if (!row) throw new NotFound(`Audience ${id} not found`);
      if (row.kind !== (AudienceKind.OPENID_LIST as string)) {
        throw new StateConflict(
          `Audience ${id} is a ${row.kind}: its members come from the platform`,
        );
      }
      const delta = await edit(m, Number(row.generation));
      await m.query(
        'UPDATE audience SET member_count = GREATEST(CAST(member_count AS SIGNED) + ?, 0), version = version + 1 WHERE id = ?',
        [delta, id],
      );
    });
  }
}

function checkOpenids(openids: string[]): void {
  const bad = openids.filter((o) => !OPENID.test(o));
  if (bad.length > 0) {
    throw RuleViolation.of('openids', `not openids: ${bad.slice(0, 10).join(', ')}`);
  }
}
