/** Random tokens (session ids, CSRF tokens) and their comparison. */

import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** 256 bits, so that guessing a token is out of reach. */
const TOKEN_BYTES = 32;

/** Length of a token in base64url. */
export const TOKEN_LENGTH = 43;

/** Returns a new random token in base64url (43 characters). */
export function newToken(): string {
  return randomBytes(TOKEN_BYTES).toString("base64url");
}

/** Returns the SHA-256 of a token: what the store keeps of a session id. */
export function hashToken(token: string): Buffer {
  return createHash("sha256").update(token, "utf8").digest();
}

/** Checks whether `text` has the form of a token before it is looked up. */
export function isTokenShaped(text: string): boolean {
  return text.length === TOKEN_LENGTH && /^[A-Za-z0-9_-]+$/.test(text);
}

/** Compares two tokens in time that does not depend on where they differ. */
export function tokensEqual(given: string, expected: string): boolean {
  const a = Buffer.from(given, "utf8");
  const b = Buffer.from(expected, "utf8");
  return a.length === b.length && timingSafeEqual(a, b);
}
