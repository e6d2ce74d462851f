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
}
