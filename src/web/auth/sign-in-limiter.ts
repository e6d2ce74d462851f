/**
 * Counts sign-in attempts per client address and per user name in fixed
 * windows, and rejects attempts over the limit until the window ends. It
 * works beside the lockout of users.ts: the lockout protects one account,
 * this limiter also slows guessing across many names from one address, and
 * of unknown names. The counts are kept in the store, so a restart of the
 * console does not clear them.
 */

import type { ConsoleSignInAttempts } from "../../store/sign-in-attempts.js";

export interface AttemptLimit {
  /** Attempts allowed in one window. */
  readonly max: number;
  /** Length of a window, in milliseconds. */
  readonly windowMs: number;
}

export interface SignInLimits {
  readonly perAddress: AttemptLimit;
  readonly perName: AttemptLimit;
  /** Keys tracked at most; the oldest are dropped past it, bounding the store's table. */
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

export class SignInLimiter {
  readonly limits: SignInLimits;
  readonly #attempts: ConsoleSignInAttempts;

  constructor(attempts: ConsoleSignInAttempts, limits: SignInLimits = DEFAULT_SIGN_IN_LIMITS) {
    this.#attempts = attempts;
    this.limits = limits;
  }

  /**
   * Counts an attempt from `address` for `name` and returns whether it may
   * go on. A rejected attempt is not counted, so waiting out the window is
   * enough to be let in again.
   */
  async attempt(address: string, name: string, nowMs: number): Promise<LimitCheck> {
    const outcome = await this.#attempts.countAttempt(
      [
        { key: addressKey(address), ...this.limits.perAddress },
        { key: nameKey(name), ...this.limits.perName },
      ],
      nowMs,
      this.limits.maxTracked,
    );
    if (outcome.allowed) {
      return { allowed: true };
    }
    const limitedBy = outcome.limitedBy === 0 ? "address" : "name";
    return { allowed: false, retryAfterMs: outcome.retryAfterMs, limitedBy };
  }

  /** Forgets the attempts for `name` after it signed in. */
  forgetName(name: string): Promise<void> {
    return this.#attempts.forget(nameKey(name));
  }
}

function addressKey(address: string): string {
  return `address\0${address}`;
}

/** Names match regardless of case, as user names do. */
function nameKey(name: string): string {
  return `name\0${name.toLowerCase()}`;
}
