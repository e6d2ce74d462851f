/**
 * INSERT, UPDATE, DELETE, MERGE, BULK INSERT, TRUNCATE TABLE and the text and image statements.
 */

// TODO: no statements of this family are parsed yet.
export type DmlStatement = never;
