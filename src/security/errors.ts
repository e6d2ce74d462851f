/**
 * Failures of the security building blocks, each with a stable code that
 * callers map to exit codes or messages. Messages name the failing path, key
 * or entry and the fix, and never contain a secret or key material.
 */

export type SecurityErrorCode =
  | "invalid-argument"
  | "key-file-exists"
  | "file-missing"
  | "key-file-invalid"
  | "insecure-permissions"
  | "not-owner"
  | "not-a-file"
  | "wrong-master-key"
  | "data-key-missing"
  | "data-key-invalid"
  | "kms-failed"
  | "decrypt-failed"
  | "invalid-format"
  | "truncated"
  | "secret-missing"
  | "secret-on-command-line"
  | "secrets-manager-failed"
  | "prompt-cancelled"
  | "no-terminal"
  | "audit-locked"
  | "audit-damaged"
  | "io-failed";

export class SecurityError extends Error {
  readonly code: SecurityErrorCode;

  constructor(code: SecurityErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "SecurityError";
    this.code = code;
  }
}

/** The outcome of an operation on external input, returned instead of thrown. */
export type Result<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: SecurityError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(
  code: SecurityErrorCode,
  message: string,
  cause?: unknown,
): Result<T> {
  const options = cause === undefined ? undefined : { cause };
  return { ok: false, error: new SecurityError(code, message, options) };
}

/** Returns the message of an unknown thrown value. */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Returns the `code` of a Node.js system error, such as `ENOENT`. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error === "object" && error !== null && "code" in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === "string" ? code : undefined;
  }
  return undefined;
}
