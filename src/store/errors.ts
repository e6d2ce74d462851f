/** Failures of the store, each with a stable code that callers can map. */
export type StoreErrorCode =
  | "invalid-spec"
  | "locked"
  | "lock-failed"
  | "connection-failed"
  | "migration-failed"
  | "schema-too-new"
  | "duplicate-id"
  | "invalid-data"
  | "writer-closed"
  | "key-unavailable"
  | "decrypt-failed"
  | "query-failed"
  /** The caller's abort signal stopped the opening; nothing was changed. */
  | "interrupted"
  /** The store's files could not be made readable by their owner only. */
  | "permissions-not-restricted";

/**
 * An error from the store. Messages name the failing value and the fix, and
 * never contain a password: server URLs appear masked.
 */
export class StoreError extends Error {
  readonly code: StoreErrorCode;

  constructor(code: StoreErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "StoreError";
    this.code = code;
  }
}

/** Returns the message of an unknown thrown value. */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
