/**
 * Tables, indexes, statistics, partitioning, types, sequences, synonyms, schemas and DROP statements.
 */

// TODO: no statements of this family are parsed yet.
export type TableStatement = never;
