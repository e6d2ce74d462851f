/**
 * Password hashing with argon2id. Hashes are PHC strings, which carry their
 * own parameters, so a hash made with other parameters still verifies.
 */

import { Algorithm, hash, verify } from "@node-rs/argon2";

import { newToken } from "./tokens.js";

/** Shortest password accepted, in characters (Unicode code points). */
export const MIN_PASSWORD_LENGTH = 12;

/** Maximum password length accepted, because hashing a huge one costs time for nothing. */
export const MAX_PASSWORD_LENGTH = 1024;

export interface Argon2Cost {
  /** Memory in KiB. */
  readonly memoryCost: number;
  /** Passes over the memory. */
  readonly timeCost: number;
  /** Lanes computed in parallel. */
  readonly parallelism: number;
}

/**
 * Argon2id with 64 MiB, 3 passes and 4 lanes: the second recommended option
 * of RFC 9106, section 4, for hosts that cannot spare 2 GiB per hash.
 */
export const DEFAULT_ARGON2_COST: Argon2Cost = { memoryCost: 65536, timeCost: 3, parallelism: 4 };

/** Hashes computed at once; more would wait, because each takes `memoryCost`. */
const MAX_CONCURRENT_HASHES = 2;

/**
 * Hashes and verifies passwords, at most two at a time, so that a burst of
 * sign-ins cannot claim more than twice the hash's memory.
 */
export class PasswordHasher {
  readonly cost: Argon2Cost;
  #running = 0;
  readonly #waiting: (() => void)[] = [];
  #dummyHash: Promise<string> | undefined;

  constructor(cost: Argon2Cost = DEFAULT_ARGON2_COST) {
    this.cost = cost;
  }

  /** Returns the argon2id PHC string of `password`, with a new random salt. */
  hash(password: string): Promise<string> {
    return this.#limited(() =>
      hash(password, { ...this.cost, algorithm: Algorithm.Argon2id }),
    );
  }

  /**
   * Checks `password` against `passwordHash`. A damaged hash verifies as
   * false, so that the user cannot sign in and the caller reports a failure.
   */
  verify(passwordHash: string, password: string): Promise<boolean> {
    return this.#limited(async () => {
      try {
        return await verify(passwordHash, password);
      } catch {
        return false;
      }
    });
  }

  /**
   * Verifies `password` against a hash of a random value, made once with
   * this hasher's cost. Sign-in calls it for unknown users, so that a reply
   * takes as long whether or not the name exists.
   */
  async verifyDummy(password: string): Promise<void> {
    this.#dummyHash ??= this.hash(newToken());
    await this.verify(await this.#dummyHash, password);
  }

  async #limited<T>(work: () => Promise<T>): Promise<T> {
    while (this.#running >= MAX_CONCURRENT_HASHES) {
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    }
    this.#running++;
    try {
      return await work();
    } finally {
      this.#running--;
      this.#waiting.shift()?.();
    }
  }
}

/**
 * Checks a new password against the length limits; returns what is wrong
 * with it, or undefined when it is accepted.
 */
export function checkNewPassword(password: string): string | undefined {
  const length = Array.from(password).length;
  if (length < MIN_PASSWORD_LENGTH) {
    return `the password has ${length} characters; use at least ${MIN_PASSWORD_LENGTH}`;
  }
  if (length > MAX_PASSWORD_LENGTH) {
    return `the password has ${length} characters; use at most ${MAX_PASSWORD_LENGTH}`;
  }
  if (password.trim() !== password) {
    return "the password starts or ends with white space, which is easy to lose when typed; remove it";
  }
  return undefined;
}
