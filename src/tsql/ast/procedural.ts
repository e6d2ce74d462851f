/**
 * Variables, SET options, cursors, EXECUTE, transactions, PRINT, RAISERROR, THROW, WAITFOR and USE.
 */

// TODO: no statements of this family are parsed yet.
export type ProceduralStatement = never;
