import { Repository } from 'typeorm';
import { FailedJob } from './entities/failed-job.entity';
import { FailedJobInfo } from './queue-driver';

/** Where the in-process driver keeps jobs that exhausted their retries. */
export interface FailedJobStore {
  add(job: Omit<FailedJobInfo, 'id' | 'failedAt'>): Promise<FailedJobInfo>;
  list(queue: string, limit: number): Promise<FailedJobInfo[]>;
  count(queue: string): Promise<number>;
  /** Removes and returns the job, or undefined when it is not (or no longer) there. */
  take(queue: string, id: string): Promise<FailedJobInfo | undefined>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `queue_failed_jobs` through TypeORM (PGlite or PostgreSQL). */
export class TypeormFailedJobStore implements FailedJobStore {
  constructor(private readonly repository: Repository<FailedJob>) {}

  async add(job: Omit<FailedJobInfo, 'id' | 'failedAt'>): Promise<FailedJobInfo> {
    const saved = await this.repository.save(this.repository.create(job));
    return toInfo(saved);
  }

  async list(queue: string, limit: number): Promise<FailedJobInfo[]> {
    const rows = await this.repository.find({
      where: { queue },
      order: { failedAt: 'DESC' },
      take: limit,
    });
    return rows.map(toInfo);
  }

  count(queue: string): Promise<number> {
    return this.repository.count({ where: { queue } });
  }

  async take(queue: string, id: string): Promise<FailedJobInfo | undefined> {
    if (!UUID.test(id)) return undefined;
    // DELETE … RETURNING makes two concurrent retries of one job re-enqueue it only once.
    const result = await this.repository
      .createQueryBuilder()
      .delete()
      .where('id = :id AND queue = :queue', { id, queue })
      .returning('*')
      .execute();
    const raw = (result.raw as Record<string, unknown>[])[0];
    if (!raw) return undefined;
    return {
      id: raw.id as string,
      queue: raw.queue as string,
      name: raw.name as string,
      data: raw.data,
      error: raw.error as string,
      attempts: raw.attempts as number,
      failedAt: new Date(raw.failed_at as string),
    };
  }
}

/** For unit tests and tools that run the inline driver without a database. */
export class MemoryFailedJobStore implements FailedJobStore {
  private readonly jobs: FailedJobInfo[] = [];
  private next = 0;

  add(job: Omit<FailedJobInfo, 'id' | 'failedAt'>): Promise<FailedJobInfo> {
    const info = { ...job, id: `failed-${++this.next}`, failedAt: new Date() };
    this.jobs.push(info);
    return Promise.resolve(info);
  }

  list(queue: string, limit: number): Promise<FailedJobInfo[]> {
    return Promise.resolve(
      this.jobs
        .filter((j) => j.queue === queue)
        .reverse()
        .slice(0, limit),
    );
  }

  count(queue: string): Promise<number> {
    return Promise.resolve(this.jobs.filter((j) => j.queue === queue).length);
  }

  take(queue: string, id: string): Promise<FailedJobInfo | undefined> {
    const index = this.jobs.findIndex((j) => j.queue === queue && j.id === id);
    return Promise.resolve(index < 0 ? undefined : this.jobs.splice(index, 1)[0]);
  }
}

function toInfo(row: FailedJob): FailedJobInfo {
  return {
    id: row.id,
    queue: row.queue,
    name: row.name,
    data: row.data,
    error: row.error,
    attempts: row.attempts,
    failedAt: row.failedAt,
  };
}
