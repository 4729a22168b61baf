import { Injectable } from '@nestjs/common';

export type HealthGroup = 'db' | 'queue' | 'models';
export type HealthCheck = () => Promise<{ ok: boolean; detail?: string }>;

/**
 * Components register their readiness checks here (the database module its ping, the queue
 * driver its connection, the NLU module its loaded model) so /health reports all of them.
 */
@Injectable()
export class HealthRegistry {
  private readonly checks = new Map<string, { group: HealthGroup; check: HealthCheck }>();

  register(name: string, group: HealthGroup, check: HealthCheck): void {
    this.checks.set(name, { group, check });
  }

  async run(timeoutMs = 2000): Promise<{ ok: boolean; checks: Record<HealthGroup, string> }> {
    const groups: Record<HealthGroup, string[]> = { db: [], queue: [], models: [] };
    const failures: Record<HealthGroup, string[]> = { db: [], queue: [], models: [] };
    await Promise.all(
      [...this.checks].map(async ([name, { group, check }]) => {
        groups[group].push(name);
        const result = await withTimeout(check(), timeoutMs).catch((e: Error) => ({
          ok: false,
          detail: e.message,
        }));
        if (!result.ok) failures[group].push(`${name}: ${result.detail ?? 'failing'}`);
      }),
    );
    const checks = {} as Record<HealthGroup, string>;
    let ok = true;
    for (const group of Object.keys(groups) as HealthGroup[]) {
      if (groups[group].length === 0) {
        checks[group] = 'not configured';
        ok = false;
      } else if (failures[group].length > 0) {
        checks[group] = failures[group].join('; ');
        ok = false;
      } else checks[group] = 'ok';
    }
    return { ok, checks };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    promise.then(
      (v) => (clearTimeout(timer), resolve(v)),
      (e) => (clearTimeout(timer), reject(e)),
    );
  });
}
