/**
 * Counts sign-in attempts per client address and per user name in fixed
 * windows, and rejects attempts over the limit until the window ends. It
 * works beside the lockout of users.ts: the lockout protects one account
 * and lasts across restarts, this limiter also slows guessing across many
 * names from one address, and of unknown names. Counts are kept in memory,
 * so a restart clears them.
 */

export interface AttemptLimit {
  /** Attempts allowed in one window. */
  readonly max: number;
  /** Length of a window, in milliseconds. */
  readonly windowMs: number;
}

export interface SignInLimits {
  readonly perAddress: AttemptLimit;
  readonly perName: AttemptLimit;
  /** Keys tracked at most; the oldest are dropped past it, bounding memory. */
  readonly maxTracked: number;
}

/**
 * Per address, 30 attempts in 10 minutes, which leaves room for a team
 * signing in through one proxy or jump host. Per name, 10 in 10 minutes.
 */
export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = {
  perAddress: { max: 30, windowMs: 10 * 60_000 },
  perName: { max: 10, windowMs: 10 * 60_000 },
  maxTracked: 10_000,
};

export type LimitCheck =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly retryAfterMs: number; readonly limitedBy: "address" | "name" };

interface Window {
  readonly startMs: number;
  count: number;
}

export class SignInLimiter {
  readonly limits: SignInLimits;
  readonly #windows = new Map<string, Window>();

  constructor(limits: SignInLimits = DEFAULT_SIGN_IN_LIMITS) {
    this.limits = limits;
  }

  /**
   * Counts an attempt from `address` for `name` and returns whether it may
   * go on. A rejected attempt is not counted, so waiting out the window is
   * enough to be let in again.
   */
  attempt(address: string, name: string, nowMs: number): LimitCheck {
    const addressKey = `address\0${address}`;
    const nameKey = `name\0${name.toLowerCase()}`;
    const byAddress = this.#remaining(addressKey, this.limits.perAddress, nowMs);
    if (byAddress !== undefined) {
      return { allowed: false, retryAfterMs: byAddress, limitedBy: "address" };
    }
    const byName = this.#remaining(nameKey, this.limits.perName, nowMs);
    if (byName !== undefined) {
      return { allowed: false, retryAfterMs: byName, limitedBy: "name" };
    }

    this.#count(addressKey, nowMs);
    this.#count(nameKey, nowMs);
    return { allowed: true };
  }

  /** Forgets the attempts for `name` after it signed in. */
  forgetName(name: string): void {
    this.#windows.delete(`name\0${name.toLowerCase()}`);
  }

  /** Returns the milliseconds until `key` may try again, or undefined when it may now. */
  #remaining(key: string, limit: AttemptLimit, nowMs: number): number | undefined {
    const window = this.#windows.get(key);
    if (window === undefined || nowMs - window.startMs >= limit.windowMs) {
      return undefined;
    }
    return window.count >= limit.max ? window.startMs + limit.windowMs - nowMs : undefined;
  }

  #count(key: string, nowMs: number): void {
    const limit = key.startsWith("address\0") ? this.limits.perAddress : this.limits.perName;
    const window = this.#windows.get(key);
    if (window !== undefined && nowMs - window.startMs < limit.windowMs) {
      window.count++;
      return;
    }

    // Re-inserting keeps the map in order of window start, oldest first.
    this.#windows.delete(key);
    this.#windows.set(key, { startMs: nowMs, count: 1 });
    this.#bound();
  }

  /** Drops the oldest windows once more keys than `maxTracked` are kept. */
  #bound(): void {
    while (this.#windows.size > this.limits.maxTracked) {
      const oldest = this.#windows.keys().next().value;
      if (oldest === undefined) {
        return;
      }
      this.#windows.delete(oldest);
    }
  }
}
