/**
 * PostgreSQL advisory lock keys used by the store. The two-integer form keeps
 * infio's locks apart from other applications sharing the database: the first
 * integer is a fixed namespace ("infi" in ASCII).
 */
export const LOCK_NAMESPACE = 0x696e6669;

/** Key held (per transaction) while migrations run. */
export const MIGRATION_LOCK_KEY = 0;

/**
 * Key held (per session) by the writer of a running assessment, so that a
 * cleanup can tell a live writer from one whose process died. Maps the bigint
 * assessment key into 1..2^31-1, keeping 0 for migrations.
 */
export function writerLockKey(assessmentKey: number): number {
  return ((assessmentKey - 1) % 0x7ffffffe) + 1;
}
