/**
 * The shape of a feature family's documentation data: what breaks, how to
 * fix it, and two examples whose findings a test checks against infio.
 */
import type { CatalogStatus } from "../model.js";

/** One finding that the flagged example must produce on the default target. */
export interface ClaimedFinding {
  readonly featureId: string;
  /** Lower-case detail, present only where the analysis emits one. */
  readonly detail?: string;
  /** 1-based position of the construct in the example. */
  readonly line: number;
  readonly column: number;
  /** Status on the latest Babelfish release. */
  readonly status: CatalogStatus;
}

export interface FamilyExamples {
  /** Catalog group name, exactly as the entries carry it. */
  readonly group: string;
  /** What breaks on Babelfish and PostgreSQL, one paragraph of Markdown. */
  readonly problem: string;
  /** How to fix it, one paragraph of Markdown. */
  readonly solution: string;
  /** T-SQL that uses several features of the family. */
  readonly flagged: string;
  /** Every finding of `flagged`, in any order. */
  readonly findings: readonly ClaimedFinding[];
  /**
   * T-SQL that does the same job and migrates: it produces no finding that
   * needs work (only `supported` and `ignored` ones).
   */
  readonly fine: string;
}

/**
 * Tag for example code: drops the newline after the opening backtick and
 * ends the text with exactly one newline, so line 1 of the example is the
 * first line written. Backslashes stay as written, as T-SQL needs.
 */
export function tsql(strings: TemplateStringsArray, ...values: unknown[]): string {
  return `${String.raw(strings, ...values).replace(/^\r?\n/, "").trimEnd()}\n`;
}
