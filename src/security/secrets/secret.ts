/**
 * A secret value (password, token) that does not leak by accident: String(),
 * template strings, JSON.stringify and util.inspect all yield `[redacted]`.
 * Only `reveal()` returns the value, so every use is easy to find in review.
 */

import { inspect } from "node:util";

export const REDACTED = "[redacted]";

/** Source of a secret, for messages: `environment variable PGPASSWORD`. */
export type SecretOrigin = string;

export class Secret {
  readonly origin: SecretOrigin;
  readonly #value: string;

  constructor(value: string, origin: SecretOrigin) {
    this.#value = value;
    this.origin = origin;
  }

  /** Returns the secret value itself, to hand to a driver or a cipher. */
  reveal(): string {
    return this.#value;
  }

  get length(): number {
    return this.#value.length;
  }

  toString(): string {
    return REDACTED;
  }

  toJSON(): string {
    return REDACTED;
  }

  [Symbol.toPrimitive](): string {
    return REDACTED;
  }

  [inspect.custom](): string {
    return `Secret(${REDACTED} from ${this.origin})`;
  }
}
