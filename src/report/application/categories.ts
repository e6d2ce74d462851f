/**
 * The compatibility categories and the schema versus code split. Every
 * rule that maps a finding status or an object type to a category or a
 * part is in this file.
 */

import type { FindingStatus } from "../../assessment/model.js";
import type { CategoryCounts, CategoryShares, Compatibility } from "./model.js";

/**
 * An object's category, from its worst finding. `unknown` is a feature the
 * catalog does not know: it is reported as not supported, because nothing
 * shows it is, but kept apart so that the reader sees it.
 */
export type Category =
  | "supported"
  | "conditionallySupported"
  | "unknown"
  | "notSupported";

const CATEGORY_OF_STATUS: Readonly<Record<FindingStatus, Category>> = {
  supported: "supported",
  ignored: "supported",
  reviewSemantics: "conditionallySupported",
  reviewPerformance: "conditionallySupported",
  reviewManually: "conditionallySupported",
  unknown: "unknown",
  notSupported: "notSupported",
};

/** Categories from best to worst; an object takes the worst of its findings. */
const CATEGORY_RANK: Readonly<Record<Category, number>> = {
  supported: 0,
  conditionallySupported: 1,
  unknown: 2,
  notSupported: 3,
};

/** Returns the category of one finding status; a status this version does not know is unknown. */
export function categoryOfStatus(status: string): Category {
  return Object.hasOwn(CATEGORY_OF_STATUS, status)
    ? CATEGORY_OF_STATUS[status as FindingStatus]
    : "unknown";
}

/** Returns the worse of two categories. */
export function worseCategory(a: Category, b: Category): Category {
  return CATEGORY_RANK[b] > CATEGORY_RANK[a] ? b : a;
}

/** The object type given to the code of one file that lies outside any object. */
export const BATCH_OBJECT_TYPE = "batch";

/**
 * Object types that are code: the bodies of these objects run statements.
 * Every other type (table, type, sequence, synonym, and the indexes and
 * constraints that a CREATE TABLE carries) is schema. `unknown` is a
 * finding's enclosing object that the assessed code does not define,
 * which can only be code because a finding lies inside it.
 */
const CODE_OBJECT_TYPES: ReadonlySet<string> = new Set([
  "procedure",
  "function",
  "view",
  "trigger",
  "aggregate",
  "unknown",
  BATCH_OBJECT_TYPE,
]);

/** Returns which part of the database an object type belongs to. */
export function partOfType(type: string): "schema" | "code" {
  return CODE_OBJECT_TYPES.has(type) ? "code" : "schema";
}

/** Counts of objects by category, which `addToCounts` fills. */
export interface MutableCounts {
  objects: number;
  supported: number;
  conditionallySupported: number;
  notSupported: number;
  unknown: number;
}

export function emptyCounts(): MutableCounts {
  return {
    objects: 0,
    supported: 0,
    conditionallySupported: 0,
    notSupported: 0,
    unknown: 0,
  };
}

/** Counts one object of `category`; unknown counts as not supported too. */
export function addToCounts(counts: MutableCounts, category: Category): void {
  counts.objects++;
  if (category === "unknown") {
    counts.unknown++;
    counts.notSupported++;
    return;
  }

  counts[category]++;
}

/** Adds `from` into `into`. */
export function addCounts(into: MutableCounts, from: CategoryCounts): void {
  into.objects += from.objects;
  into.supported += from.supported;
  into.conditionallySupported += from.conditionallySupported;
  into.notSupported += from.notSupported;
  into.unknown += from.unknown;
}

/** Returns the percent of objects in each category, rounded to one decimal; 0 for no objects. */
export function sharesOf(counts: CategoryCounts): CategoryShares {
  const percent = (n: number) =>
    counts.objects === 0 ? 0 : Math.round((n / counts.objects) * 1000) / 10;

  return {
    supported: percent(counts.supported),
    conditionallySupported: percent(counts.conditionallySupported),
    notSupported: percent(counts.notSupported),
    unknown: percent(counts.unknown),
  };
}

/** Builds the compatibility of a set of objects from its schema and code counts. */
export function compatibilityOf(
  schema: CategoryCounts,
  code: CategoryCounts,
): Compatibility {
  const all = emptyCounts();
  addCounts(all, schema);
  addCounts(all, code);

  return {
    all,
    schema: { ...schema },
    code: { ...code },
    shares: {
      all: sharesOf(all),
      schema: sharesOf(schema),
      code: sharesOf(code),
    },
  };
}
