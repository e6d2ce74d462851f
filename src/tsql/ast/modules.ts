/**
 * Views, procedures, functions and triggers.
 */

// TODO: no statements of this family are parsed yet.
export type ModuleStatement = never;
