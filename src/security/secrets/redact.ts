/**
 * Masks secrets in text before it is logged or shown: the values of known
 * secrets anywhere in the text, passwords in URLs (`postgres://u:pw@host`),
 * `password=...` pairs in connection strings and options, and JSON password
 * members. Each pattern matches the key names case-insensitively.
 */

import { REDACTED, type Secret } from "./secret.js";

/** Key names whose values are masked in `key=value` and JSON text. */
const SECRET_KEYS = [
  "password",
  "passwd",
  "pwd",
  "secret",
  "(?:access|auth|bearer|refresh|session)[_-]?token",
  "api[_-]?key",
  "access[_-]?key",
  "secret[_-]?access[_-]?key",
  "client[_-]?secret",
];
const KEY_PATTERN = `(?:[A-Za-z0-9_-]*[_-])?(?:${SECRET_KEYS.join("|")})`;

/** `scheme://user:password@host`: the password ends at the last '@' before the host. */
const URL_CREDENTIALS = /\b([A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s:/@]*:)([^\s/]*)@/g;

/**
 * `Password=abc;`, `password: abc`, `--password=abc`-style pairs. A quoted
 * value ends at its closing quote; an unquoted one at `;`, `&`, `,`, space.
 */
const KEY_VALUE = new RegExp(
  `(\\b${KEY_PATTERN}\\s*[=:]\\s*)("[^"]*"|'[^']*'|[^\\s;&,'"]+)`,
  "gi",
);

/** `"password": "abc"` in JSON. */
const JSON_MEMBER = new RegExp(`("${KEY_PATTERN}"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`, "gi");

export type Redactor = (text: string) => string;

/**
 * Returns a function that masks `secrets` and credential patterns in text.
 * Longer secrets are masked first, so a secret that contains another is
 * masked whole. Empty secrets are ignored.
 */
export function createRedactor(secrets: readonly (Secret | string)[] = []): Redactor {
  const values = secrets
    .map((s) => (typeof s === "string" ? s : s.reveal()))
    .filter((v) => v.length > 0);
  const forms = new Set<string>();
  for (const value of values) {
    forms.add(value);
    forms.add(encodeURIComponent(value));
    forms.add(JSON.stringify(value).slice(1, -1));
  }
  const ordered = [...forms].sort((a, b) => b.length - a.length);

  return (text: string): string => {
    let result = text;
    for (const value of ordered) {
      result = result.split(value).join(REDACTED);
    }
    return redactPatterns(result);
  };
}

/** Masks credential patterns only, for text with no known secret. */
export function redactPatterns(text: string): string {
  return text
    .replace(URL_CREDENTIALS, (_match, prefix: string) => `${prefix}${REDACTED}@`)
    .replace(JSON_MEMBER, (_match, prefix: string) => `${prefix}"${REDACTED}"`)
    .replace(KEY_VALUE, (match, prefix: string, value: string) =>
      value === REDACTED || value === `"${REDACTED}"` ? match : `${prefix}${REDACTED}`,
    );
}
