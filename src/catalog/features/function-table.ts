/**
 * The row format shared by the tables of built-in functions that carry a
 * full Babelfish history, and the builder that turns rows into entries.
 */
import type { Complexity } from "../../assessment/model.js";
import { pg, row } from "../build.js";
import type {
  CatalogStatus,
  DetailVariant,
  DocReference,
  FeatureEntry,
  StatusStep,
} from "../model.js";

/** Fields a function row may add to the defaults. */
export interface FunctionExtras {
  /** Remedy on Babelfish when the history does not explain itself. */
  readonly remedy?: string;
  readonly title?: string;
  readonly complexity?: Complexity;
  readonly example?: string;
  readonly details?: readonly DetailVariant[];
  /** Sources besides the ones shared by the whole table. */
  readonly docs?: readonly DocReference[];
  /** False when the sources disagree or none states the Babelfish status. */
  readonly verified?: boolean;
}

/**
 * [lower-case name, Babelfish history, PostgreSQL status, PostgreSQL
 * remedy, extras]. The PostgreSQL status is the same on every listed
 * major.
 */
export type FunctionRow = readonly [
  string,
  readonly StatusStep[],
  CatalogStatus,
  string,
  FunctionExtras?,
];

/**
 * Builds the entries `builtin.function.<name>` of a table. Every entry
 * cites `docs`, the sources shared by the whole table, then its own.
 */
export function functionEntries(
  rows: readonly FunctionRow[],
  docs: readonly DocReference[],
): Omit<FeatureEntry, "group">[] {
  return rows.map(([name, babelfish, postgresql, postgresqlRemedy, extras = {}]) => {
    const upper = name.toUpperCase();
    const remedy = extras.remedy ?? babelfishRemedy(upper, babelfish);

    return row(
      `builtin.function.${name}`,
      extras.title ?? `${upper}()`,
      `Calls to the built-in function ${upper}.`,
      babelfish,
      pg(postgresql),
      extras.complexity ?? "low",
      remedy,
      postgresqlRemedy,
      [...docs, ...(extras.docs ?? [])],
      {
        ...(extras.example === undefined ? {} : { example: extras.example }),
        ...(extras.details === undefined ? {} : { details: extras.details }),
        ...(extras.verified === undefined ? {} : { verified: extras.verified }),
      },
    );
  });
}

/**
 * Returns the Babelfish remedy of a simple history: supported throughout,
 * never supported, or supported from one release on.
 */
function babelfishRemedy(upper: string, history: readonly StatusStep[]): string {
  const statuses = new Set(history.map((step) => step.status));
  if (statuses.size === 1 && statuses.has("supported")) {
    return "No change needed.";
  }
  if (statuses.size === 1 && statuses.has("notSupported")) {
    return `${upper} is not available in Babelfish; rewrite the expression.`;
  }

  const last = history[history.length - 1]!;
  if (history.length === 2 && last.status === "supported") {
    return `Supported from Babelfish ${last.from}; earlier releases need a rewrite.`;
  }
  return `Check the call against the status of the release you target.`;
}
