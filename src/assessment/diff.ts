/**
 * Compares the findings of two assessments of the same code, for example
 * before and after a remediation sprint. Findings are matched by feature,
 * detail, file, enclosing object and message (whitespace collapsed), not by
 * line, so code that only moved is unchanged. Within one such key, findings
 * pair up in line order. A pair whose status differs is `changed`, as after
 * a catalog update or with another target. Extra findings on the new side
 * are `new`, and extra ones on the old side are `fixed`.
 */

import type { Finding } from "./model.js";

export interface FindingChange {
  readonly before: Finding;
  readonly after: Finding;
}

export interface FindingsDiff {
  readonly added: readonly Finding[];
  readonly fixed: readonly Finding[];
  readonly changed: readonly FindingChange[];
  /** Pairs with the same status, moved or not. */
  readonly unchanged: number;
  /** Unchanged pairs whose line or column differ. */
  readonly moved: number;
}

export function diffFindings(
  before: readonly Finding[],
  after: readonly Finding[],
): FindingsDiff {
  const groups = new Map<string, { before: Finding[]; after: Finding[] }>();
  const groupOf = (f: Finding) => {
    const key = matchKey(f);
    let group = groups.get(key);
    if (group === undefined) {
      group = { before: [], after: [] };
      groups.set(key, group);
    }
    return group;
  };
  for (const f of before) {
    groupOf(f).before.push(f);
  }
  for (const f of after) {
    groupOf(f).after.push(f);
  }

  const added: Finding[] = [];
  const fixed: Finding[] = [];
  const changed: FindingChange[] = [];
  let unchanged = 0;
  let moved = 0;

  for (const group of groups.values()) {
    group.before.sort(byPlace);
    group.after.sort(byPlace);
    const pairs = Math.min(group.before.length, group.after.length);
    for (let i = 0; i < pairs; i++) {
      const b = group.before[i]!;
      const a = group.after[i]!;
      if (b.status !== a.status) {
        changed.push({ before: b, after: a });
        continue;
      }
      unchanged++;
      if (b.line !== a.line || b.column !== a.column) {
        moved++;
      }
    }
    for (let i = pairs; i < group.after.length; i++) {
      added.push(group.after[i]!);
    }
    for (let i = pairs; i < group.before.length; i++) {
      fixed.push(group.before[i]!);
    }
  }

  return {
    added: added.sort(byPlace),
    fixed: fixed.sort(byPlace),
    changed: changed.sort((x, y) => byPlace(x.after, y.after)),
    unchanged,
    moved,
  };
}

/** Builds the identity of a finding apart from its place in the file. */
export function matchKey(f: Finding): string {
  const message = f.message.trim().replace(/\s+/g, " ");
  return [f.featureId, f.detail ?? "", f.file, f.object, message].join("\u0000");
}

function byPlace(a: Finding, b: Finding): number {
  return (
    compareText(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    compareText(a.featureId, b.featureId)
  );
}

function compareText(a: string, b: string): number {
  if (a < b) {
    return -1;
  }
  return a > b ? 1 : 0;
}
