import { RetryPolicy } from './queue-driver';

export const DEFAULT_RETRY: RetryPolicy = { attempts: 5, backoffMs: 500 };

/** Job options win over the queue's defaults, which win over the platform default. */
export function resolveRetry(
  queueDefault: Partial<RetryPolicy> | undefined,
  jobOverride: Partial<RetryPolicy> | undefined,
): RetryPolicy {
  const policy = {
    ...DEFAULT_RETRY,
    ...stripUndefined(queueDefault),
    ...stripUndefined(jobOverride),
  };
  return {
    attempts: Math.max(1, Math.floor(policy.attempts)),
    backoffMs: Math.max(0, policy.backoffMs),
  };
}

/** Delay before run `attempt + 1` after run `attempt` failed (same formula as BullMQ's exponential backoff). */
export function backoffDelay(backoffMs: number, failedAttempt: number): number {
  return backoffMs * 2 ** (failedAttempt - 1);
}

function stripUndefined(value: Partial<RetryPolicy> | undefined): Partial<RetryPolicy> {
  const out: Partial<RetryPolicy> = {};
  if (value?.attempts !== undefined) out.attempts = value.attempts;
  if (value?.backoffMs !== undefined) out.backoffMs = value.backoffMs;
  return out;
}
