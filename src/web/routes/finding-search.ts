/**
 * Filtering and paging an assessment's findings on the server, for the
 * report page without script and for the findings API alike. The query is
 * `?status=&group=&q=&offset=&limit=`: status and feature group match
 * exactly (empty means all), and `q` matches part of the feature id, file,
 * object or message, ignoring case. Findings stream through in saved order
 * and only the requested page is kept, so an assessment of any size costs
 * one pass and a page of memory.
 */

import type { Finding } from "../../assessment/model.js";
import { FINDING_STATUSES } from "../../assessment/model.js";
import { defaultCatalog } from "../../catalog/catalog.js";
import { featureLookup } from "../../cli/feature-lookup.js";
import { resolveFeature, type FeatureLookup } from "../../report/features.js";

export const DEFAULT_FINDINGS_LIMIT = 50;

/** Maximum page size; the findings-filter island requests at most this many. */
export const MAX_FINDINGS_LIMIT = 200;

/** Maximum length of the search text and of the group name, in UTF-16 code units. */
export const MAX_FILTER_CHARS = 200;

export interface FindingsQuery {
  /** A finding status, or "" for every status. */
  readonly status: string;
  /** A feature group as the catalog names it, or "" for every group. */
  readonly group: string;
  /** Text to search for, or "". */
  readonly q: string;
  /** Index of the first finding of the page, from 0. */
  readonly offset: number;
  readonly limit: number;
}

export type ParsedFindingsQuery =
  | { readonly ok: true; readonly query: FindingsQuery }
  | { readonly ok: false; readonly error: string };

/**
 * Parses the filter parameters of a request's query. Absent and empty
 * parameters take their defaults; anything else invalid is an error that
 * names the parameter and the accepted values.
 */
export function parseFindingsQuery(raw: unknown): ParsedFindingsQuery {
  const params = (typeof raw === "object" && raw !== null ? raw : {}) as Record<string, unknown>;
  const values: Record<string, string> = {};
  for (const name of ["status", "group", "q", "offset", "limit"]) {
    const value = params[name] ?? "";
    if (typeof value !== "string") {
      return { ok: false, error: `invalid ${name}: give the parameter once` };
    }
    values[name] = value;
  }

  const { status, group, q } = values as Record<"status" | "group" | "q", string>;
  if (status !== "" && !(FINDING_STATUSES as readonly string[]).includes(status)) {
    const statuses = FINDING_STATUSES.join(", ");
    return { ok: false, error: `invalid status '${clip(status)}': use one of ${statuses}, or leave it empty for all` };
  }
  for (const [name, value] of [["group", group], ["q", q]] as const) {
    if (value.length > MAX_FILTER_CHARS) {
      return { ok: false, error: `invalid ${name}: at most ${MAX_FILTER_CHARS} characters are accepted` };
    }
  }

  const offset = wholeNumber(values.offset!, 0);
  if (offset === undefined) {
    return { ok: false, error: `invalid offset '${clip(values.offset!)}': give a whole number from 0` };
  }
  const limit = wholeNumber(values.limit!, DEFAULT_FINDINGS_LIMIT);
  if (limit === undefined || limit < 1 || limit > MAX_FINDINGS_LIMIT) {
    const error = `invalid limit '${clip(values.limit!)}': give a whole number from 1 to ${MAX_FINDINGS_LIMIT}`;
    return { ok: false, error };
  }

  return { ok: true, query: { status, group, q, offset, limit } };
}

function wholeNumber(text: string, empty: number): number | undefined {
  if (text === "") {
    return empty;
  }
  return /^\d{1,9}$/.test(text) ? Number(text) : undefined;
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** Feature groups by feature id, from the built-in catalog, as the HTML report shows them. */
export class FeatureGroups {
  readonly #lookup: FeatureLookup;
  readonly #groups = new Map<string, string>();

  constructor(lookup: FeatureLookup = featureLookup(defaultCatalog())) {
    this.#lookup = lookup;
  }

  /** The catalog lookup, for the report renderer. */
  get lookup(): FeatureLookup {
    return this.#lookup;
  }

  groupOf(featureId: string): string {
    let group = this.#groups.get(featureId);
    if (group === undefined) {
      group = resolveFeature(featureId, this.#lookup).group;
      this.#groups.set(featureId, group);
    }
    return group;
  }
}

/** A finding with its feature group. */
export interface GroupedFinding {
  readonly finding: Finding;
  readonly group: string;
}

export interface FindingsPage {
  /** Findings that match the filter, on every page. */
  readonly total: number;
  /** The matching findings from `offset`, at most `limit`. */
  readonly findings: readonly GroupedFinding[];
}

/** Reads `chunks` to the end and returns the page of matching findings. */
export async function findFindings(
  chunks: AsyncIterable<readonly Finding[]> | Iterable<readonly Finding[]>,
  query: FindingsQuery,
  groups: FeatureGroups,
): Promise<FindingsPage> {
  const text = query.q.toLowerCase();
  const end = query.offset + query.limit;
  const page: GroupedFinding[] = [];
  let total = 0;

  for await (const chunk of chunks) {
    for (const finding of chunk) {
      if (query.status !== "" && finding.status !== query.status) {
        continue;
      }
      const group = groups.groupOf(finding.featureId);
      if (query.group !== "" && group !== query.group) {
        continue;
      }
      if (text !== "" && !containsText(finding, text)) {
        continue;
      }

      if (total >= query.offset && total < end) {
        page.push({ finding, group });
      }
      total++;
    }
  }

  return { total, findings: page };
}

function containsText(finding: Finding, lowerText: string): boolean {
  return [finding.featureId, finding.file, finding.object, finding.message].some((value) =>
    value.toLowerCase().includes(lowerText),
  );
}
