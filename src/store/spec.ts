import { StoreError } from "./errors.js";

/** Where assessments are kept, parsed from a `--store` value. */
export type StoreSpec =
  | { readonly kind: "embedded" }
  | { readonly kind: "none" }
  | { readonly kind: "server"; readonly url: string };

export type ParseStoreSpecResult =
  | { readonly ok: true; readonly spec: StoreSpec }
  | { readonly ok: false; readonly error: StoreError };

const SERVER_SCHEMES = new Set(["postgres:", "postgresql:"]);

/** Query parameters that node-postgres reads as secrets. */
const SECRET_PARAMETERS = ["password", "sslpassword"];

const MASK = "****";

/**
 * Parses `embedded`, `none` or a `postgres://` (or `postgresql://`) URL.
 * The error message masks any password in the value.
 */
export function parseStoreSpec(value: string): ParseStoreSpecResult {
  if (value === "embedded" || value === "none") {
    return { ok: true, spec: { kind: value } };
  }

  const url = tryParseUrl(value);
  if (url !== undefined && SERVER_SCHEMES.has(url.protocol) && url.host) {
    return { ok: true, spec: { kind: "server", url: value } };
  }

  const masked = url === undefined ? maskUnparsable(value) : maskUrl(value);
  const message =
    `invalid store '${masked}': expected 'embedded', 'none' or a ` +
    "PostgreSQL URL such as postgres://user@host:5432/infio";
  return { ok: false, error: new StoreError("invalid-spec", message) };
}

/**
 * Returns `url` with its password, and any password query parameter, replaced
 * by `****`, for use in messages and logs.
 */
export function maskUrl(url: string): string {
  const parsed = tryParseUrl(url);
  if (parsed === undefined) {
    return maskUnparsable(url);
  }

  if (parsed.password) {
    parsed.password = MASK;
  }
  for (const name of SECRET_PARAMETERS) {
    if (parsed.searchParams.has(name)) {
      parsed.searchParams.set(name, MASK);
    }
  }
  return parsed.toString();
}

/** Keeps only the scheme of a value that is not a URL, as it may hold a secret. */
function maskUnparsable(value: string): string {
  const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:/.exec(value);
  if (scheme === null) {
    return value.includes("@") || value.includes(":") ? MASK : value;
  }
  return `${scheme[0]}${MASK}`;
}

function tryParseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}
