/**
 * Checks a user name and password, with the sign-in limiter in front and
 * the account lockout behind. Every attempt that passes the limiter costs
 * one argon2id verification, also for unknown, disabled and locked users,
 * so that the time of a reply does not tell which names exist.
 */

import type { ConsoleUser, ConsoleUsers, LockoutPolicy } from "../../store/console-users.js";
import type { PasswordHasher } from "./passwords.js";
import type { SignInLimiter } from "./sign-in-limiter.js";

/** Five wrong passwords in a row lock an account for 15 minutes. */
export const DEFAULT_LOCKOUT: LockoutPolicy = { maxFailures: 5, lockMs: 15 * 60_000 };

/** Reason a sign-in failed; logged, never shown, so that it reveals no user. */
export type SignInFailure = "unknown-user" | "wrong-password" | "locked" | "disabled";

export type SignInResult =
  | { readonly ok: true; readonly user: ConsoleUser }
  | { readonly ok: false; readonly reason: "rate-limited"; readonly retryAfterMs: number }
  | {
      readonly ok: false;
      readonly reason: SignInFailure;
      /** True when this failure locked the account. */
      readonly lockedNow: boolean;
    };

export interface SignInDependencies {
  readonly users: ConsoleUsers;
  readonly hasher: PasswordHasher;
  readonly limiter: SignInLimiter;
  readonly lockout: LockoutPolicy;
  readonly now: () => Date;
}

export async function checkSignIn(
  dependencies: SignInDependencies,
  name: string,
  password: string,
  address: string,
): Promise<SignInResult> {
  const { users, hasher, limiter, lockout } = dependencies;
  const now = dependencies.now();
  const limit = await limiter.attempt(address, name, now.getTime());
  if (!limit.allowed) {
    return { ok: false, reason: "rate-limited", retryAfterMs: limit.retryAfterMs };
  }

  const user = await users.find(name);
  if (user === undefined) {
    await hasher.verifyDummy(password);
    return { ok: false, reason: "unknown-user", lockedNow: false };
  }

  const matches = await hasher.verify(user.passwordHash, password);
  if (user.disabled) {
    return { ok: false, reason: "disabled", lockedNow: false };
  }
  // Attempts during a lock are not counted, so that guessing cannot make
  // the lock last for ever.
  if (user.lockedUntil !== undefined && user.lockedUntil.getTime() > now.getTime()) {
    return { ok: false, reason: "locked", lockedNow: false };
  }
  if (!matches) {
    const state = await users.recordFailure(user.key, now, lockout);
    const lockedNow = state.lockedUntil !== undefined && state.failedSignIns >= lockout.maxFailures;
    return { ok: false, reason: "wrong-password", lockedNow };
  }

  await users.recordSuccess(user.key, now);
  await limiter.forgetName(name);
  return { ok: true, user };
}
