/**
 * Indexes of a loaded assessment's findings, built once per cached
 * assessment and shared by the report page, the findings API and the
 * source view. They list the findings of each status, feature group, pair
 * of the two, and file. The lower-cased search text is built on the first
 * search. Every list keeps the saved order, so a search over an index
 * returns what `findFindings` returns over all the findings.
 */

import type { Finding } from "../../assessment/model.js";
import type { CachedAssessment } from "../server/assessment-cache.js";
import { FeatureGroups, type FindingsPage, type FindingsQuery, type GroupedFinding } from "./finding-search.js";

/** Separator of the searched fields in a finding's search text, and of the parts of a filter key. */
const FIELD_SEPARATOR = "\u0000";

export class FindingsIndex {
  readonly findings: readonly Finding[];
  readonly groups: FeatureGroups;
  /** The feature group of each finding, by position. */
  readonly #groupOf: readonly string[];
  /** Positions of the findings of each "status", "\0group" and "status\0group" key. */
  readonly #byFilter = new Map<string, number[]>();
  /** Positions of the findings of each file. */
  readonly #byFile = new Map<string, number[]>();
  #searchText: string[] | undefined;

  constructor(findings: readonly Finding[], groups: FeatureGroups = new FeatureGroups()) {
    this.findings = findings;
    this.groups = groups;

    const groupOf: string[] = [];
    findings.forEach((finding, position) => {
      const group = groups.groupOf(finding.featureId);
      groupOf.push(group);
      for (const key of [finding.status, `${FIELD_SEPARATOR}${group}`, filterKey(finding.status, group)]) {
        append(this.#byFilter, key, position);
      }
      append(this.#byFile, finding.file, position);
    });
    this.#groupOf = groupOf;
  }

  /** Returns the page of findings that match `query`, as `findFindings` does. */
  search(query: FindingsQuery): FindingsPage {
    const candidates = this.#candidates(query.status, query.group);
    const text = query.q.toLowerCase();
    const end = query.offset + query.limit;
    const page: GroupedFinding[] = [];
    let total = 0;

    for (let i = 0; i < candidates.length; i++) {
      const position = candidates === this.findings ? i : (candidates as readonly number[])[i]!;
      if (text !== "" && !this.#contains(position, text)) {
        continue;
      }
      if (total >= query.offset && total < end) {
        page.push({ finding: this.findings[position]!, group: this.#groupOf[position]! });
      }
      total++;
    }

    return { total, findings: page };
  }

  /** Returns the findings of `file` in saved order. */
  findingsOfFile(file: string): Finding[] {
    return (this.#byFile.get(file) ?? []).map((position) => this.findings[position]!);
  }

  /** Returns the positions to filter further, or every finding when neither filter is set. */
  #candidates(status: string, group: string): readonly number[] | readonly Finding[] {
    if (status === "" && group === "") {
      return this.findings;
    }
    let key = filterKey(status, group);
    if (status === "") {
      key = `${FIELD_SEPARATOR}${group}`;
    } else if (group === "") {
      key = status;
    }
    return this.#byFilter.get(key) ?? [];
  }

  #contains(position: number, lowerText: string): boolean {
    const finding = this.findings[position]!;
    if (lowerText.includes(FIELD_SEPARATOR)) {
      // The joined text could match across two fields, so match each field.
      return [finding.featureId, finding.file, finding.object, finding.message].some((value) =>
        value.toLowerCase().includes(lowerText),
      );
    }

    this.#searchText ??= this.findings.map((f) =>
      [f.featureId, f.file, f.object, f.message].join(FIELD_SEPARATOR).toLowerCase(),
    );
    return this.#searchText[position]!.includes(lowerText);
  }
}

/** Returns the findings index of a cached assessment, built on first use. */
export function findingsIndexOf(entry: CachedAssessment): FindingsIndex {
  return entry.derived("findings-index", (assessment) => new FindingsIndex(assessment.findings));
}

function filterKey(status: string, group: string): string {
  return `${status}${FIELD_SEPARATOR}${group}`;
}

function append(map: Map<string, number[]>, key: string, position: number): void {
  const positions = map.get(key);
  if (positions === undefined) {
    map.set(key, [position]);
  } else {
    positions.push(position);
  }
}
