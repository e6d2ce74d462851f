import type { SqlSession } from "../connection.js";
import type { RowSealer } from "../sealing.js";

/**
 * One step of the store schema. A migration is never edited once released:
 * a change to the schema is a new migration with the next version.
 */
export interface Migration {
  /** Consecutive from 1; recorded in `schema_migrations`. */
  readonly version: number;
  readonly name: string;
  /** Statements run in one transaction, separated by semicolons. */
  readonly sql: string;
  /**
   * Runs after `sql` in the same transaction, for changes that SQL cannot
   * make, such as encrypting rows stored in plain text.
   */
  readonly run?: (session: SqlSession, context: MigrationContext) => Promise<void>;
}

/** What a migration's `run` step may need besides the database. */
export interface MigrationContext {
  /**
   * Opens the data key of an assessment, creating it when it has none.
   * Absent when the caller opened no keys; a migration that needs one then
   * fails and leaves the schema unchanged.
   */
  readonly openOrCreateKey?: (assessmentId: string) => Promise<RowSealer>;
}
