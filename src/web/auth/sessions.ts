/**
 * Server-side sessions. The session id is only in the visitor's cookie,
 * and the store keeps its SHA-256, the user, a CSRF token and the session's
 * times. A session ends after `idleMs` without a request, and `absoluteMs`
 * after sign-in whatever the activity.
 */

import type { ConsoleSessions } from "../../store/console-sessions.js";
import type { ConsoleRole, ConsoleUser } from "../../store/console-users.js";
import { hashToken, isTokenShaped, newToken } from "./tokens.js";

export interface SessionTimeouts {
  /** A session ends after this long without a request, in milliseconds. */
  readonly idleMs: number;
  /** A session ends this long after sign-in, in milliseconds. */
  readonly absoluteMs: number;
  /**
   * Activity is written to the store at most this often, in milliseconds,
   * so that each page view does not cost a write.
   */
  readonly touchIntervalMs: number;
}

export const DEFAULT_SESSION_TIMEOUTS: SessionTimeouts = {
  idleMs: 30 * 60_000,
  absoluteMs: 12 * 60 * 60_000,
  touchIntervalMs: 60_000,
};

/** The signed-in user of a request, as the store has it now. */
export interface SignedInUser {
  readonly key: number;
  readonly name: string;
  readonly role: ConsoleRole;
}

/** A live session, as resolved from its cookie. */
export interface ActiveSession {
  /** The session id from the cookie; never logged or stored. */
  readonly id: string;
  readonly user: SignedInUser;
  readonly csrfToken: string;
  readonly expiresAt: Date;
}

/** Reason a cookie resolved to no session, for logs and tests. */
export type SessionMiss = "malformed" | "unknown" | "expired" | "idle" | "disabled";

export type ResolveResult =
  | { readonly ok: true; readonly session: ActiveSession }
  | { readonly ok: false; readonly reason: SessionMiss };

export class SessionManager {
  readonly timeouts: SessionTimeouts;
  readonly #sessions: ConsoleSessions;
  readonly #now: () => Date;

  constructor(sessions: ConsoleSessions, timeouts: SessionTimeouts, now: () => Date) {
    this.#sessions = sessions;
    this.timeouts = timeouts;
    this.#now = now;
  }

  /** Starts a new session for `user` with a new id and CSRF token. */
  async start(user: ConsoleUser): Promise<ActiveSession> {
    const id = newToken();
    const csrfToken = newToken();
    const now = this.#now();
    const expiresAt = new Date(now.getTime() + this.timeouts.absoluteMs);
    await this.#sessions.create({ idHash: hashToken(id), userKey: user.key, csrfToken, now, expiresAt });
    return { id, csrfToken, expiresAt, user: signedInUser(user) };
  }

  /**
   * Looks up the session of a cookie value. An expired or idle session is
   * deleted; a live one has its activity recorded.
   */
  async resolve(id: string): Promise<ResolveResult> {
    if (!isTokenShaped(id)) {
      return { ok: false, reason: "malformed" };
    }

    const idHash = hashToken(id);
    const found = await this.#sessions.find(idHash);
    if (found === undefined) {
      return { ok: false, reason: "unknown" };
    }

    const now = this.#now();
    const miss = missReason(found, now, this.timeouts);
    if (miss !== undefined) {
      await this.#sessions.delete(idHash);
      return { ok: false, reason: miss };
    }

    if (now.getTime() - found.lastSeenAt.getTime() >= this.timeouts.touchIntervalMs) {
      await this.#sessions.touch(idHash, now);
    }
    const session = { id, csrfToken: found.csrfToken, expiresAt: found.expiresAt, user: signedInUser(found.user) };
    return { ok: true, session };
  }

  /** Ends the session with this id; returns false when there was none. */
  end(id: string): Promise<boolean> {
    if (!isTokenShaped(id)) {
      return Promise.resolve(false);
    }
    return this.#sessions.delete(hashToken(id));
  }

  /** Deletes every expired or idle session; returns how many. */
  deleteExpired(): Promise<number> {
    const now = this.#now();
    return this.#sessions.deleteExpired(now, new Date(now.getTime() - this.timeouts.idleMs));
  }
}

function missReason(
  found: { readonly expiresAt: Date; readonly lastSeenAt: Date; readonly user: ConsoleUser },
  now: Date,
  timeouts: SessionTimeouts,
): SessionMiss | undefined {
  if (found.expiresAt.getTime() <= now.getTime()) {
    return "expired";
  }
  if (found.lastSeenAt.getTime() + timeouts.idleMs <= now.getTime()) {
    return "idle";
  }
  if (found.user.disabled) {
    return "disabled";
  }
  return undefined;
}

function signedInUser(user: ConsoleUser): SignedInUser {
  return { key: user.key, name: user.name, role: user.role };
}
