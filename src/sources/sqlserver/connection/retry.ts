/**
 * Exponential backoff with jitter between attempts, so that many clients
 * failing together (a failover, a busy server) do not retry in step.
 */

import { setTimeout as sleep } from "node:timers/promises";

import type { RetrySettings } from "./limits.js";

/**
 * Returns the wait before retry number `retry` (1 for the first): the
 * base delay doubled for each earlier retry, capped, of which a random
 * half is dropped ("equal jitter"). `random` returns a number in [0, 1).
 */
export function backoffDelay(settings: RetrySettings, retry: number, random: () => number = Math.random): number {
  const exponential = settings.baseDelayMs * 2 ** Math.max(0, retry - 1);
  const capped = Math.min(settings.maxDelayMs, exponential);
  return Math.round(capped / 2 + random() * (capped / 2));
}

/** Waits `ms`, or rejects with `signal`'s reason once it aborts. */
export async function waitBeforeRetry(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal === undefined) {
    return sleep(ms);
  }
  try {
    await sleep(ms, undefined, { signal });
  } catch (error) {
    // node:timers rejects with an AbortError of its own; the caller wants
    // the reason it aborted with.
    throw signal.aborted ? signal.reason : error;
  }
}
