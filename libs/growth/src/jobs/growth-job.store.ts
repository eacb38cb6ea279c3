import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsNull, Not, type DataSource, type Repository } from 'typeorm';
import { duplicateKeyOf } from '@app/core';
import { NotFound } from '@app/coupon';
import { GrowthJob, GrowthJobState } from './growth-job.entity';

/** growth_job rows: the durable side of a job (BullMQ only carries its id). */
@Injectable()
export class GrowthJobStore {
  private readonly repo: Repository<GrowthJob>;

  constructor(@InjectDataSource() db: DataSource) {
    this.repo = db.getRepository(GrowthJob);
  }

  /** A new QUEUED job, or the subject's job already queued/running (created: false). */
  async create(
    kind: string,
    subjectKey: string,
    params: Record<string, unknown>,
  ): Promise<{ job: GrowthJob; created: boolean }> {
    try {
      const job = await this.repo.save(
        this.repo.create({
          kind,
          subjectKey,
          activeKey: subjectKey,
          state: GrowthJobState.QUEUED,
          params,
          checkpoint: null,
          progress: 0,
          total: null,
          error: null,
          finishedAt: null,
        }),
      );
      return { job, created: true };
    } catch (err) {
      if (duplicateKeyOf(err) === null) throw err;
      const running = await this.repo.findOneBy({ activeKey: subjectKey });
      if (!running) throw err;
      return { job: running, created: false };
    }
  }

  async get(id: number): Promise<GrowthJob> {
    const job = await this.repo.findOneBy({ id });
    if (!job) throw new NotFound(`Job ${id} not found`);
    return job;
  }

  find(id: number): Promise<GrowthJob | null> {
    return this.repo.findOneBy({ id });
  }

  /** Jobs a restart must pick up again. */
  active(): Promise<GrowthJob[]> {
    return this.repo.find({ where: { activeKey: Not(IsNull()) }, order: { id: 'ASC' } });
  }

  async running(id: number): Promise<void> {
    await this.repo.update({ id, activeKey: Not(IsNull()) }, { state: GrowthJobState.RUNNING });
  }

  async save(
    id: number,
    checkpoint: Record<string, unknown>,
    progress: number,
    total?: number | null,
  ): Promise<void> {
    await this.repo.query(
      'UPDATE growth_job SET checkpoint = ?, progress = ?, total = IF(?, ?, total) WHERE id = ?',
      [JSON.stringify(checkpoint), progress, total !== undefined, total ?? null, id],
    );
  }

  async finish(id: number): Promise<void> {
    await this.repo.update(id, {
      state: GrowthJobState.DONE,
      activeKey: null,
      finishedAt: new Date(),
    });
  }

  async fail(id: number, error: string): Promise<void> {
    await this.repo.update(id, {
      state: GrowthJobState.FAILED,
      activeKey: null,
      error: error.slice(0, 512),
      finishedAt: new Date(),
    });
  }
}
