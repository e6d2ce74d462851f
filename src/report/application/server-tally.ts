/**
 * Counts one server's assessment by database: lines, units, findings by
 * status, and each object's compatibility category. An object's category
 * is its worst finding's; an object without findings is supported. The
 * code of one file that lies outside any object counts as one object of
 * type `batch`.
 */

import type { Assessment, Finding } from "../../assessment/model.js";
import { compareCodeUnits } from "../text.js";
import type { BlockerTally } from "./blockers.js";
import type { Category } from "./categories.js";
import {
  addToCounts,
  BATCH_OBJECT_TYPE,
  categoryOfStatus,
  partOfType,
  worseCategory,
} from "./categories.js";
import type { DatabaseResolver } from "./databases.js";
import type { FigureTally } from "./figures.js";
import { emptyTally, figuresOf } from "./figures.js";
import type { DatabaseRollup } from "./model.js";

interface ObjectState {
  readonly database: string;
  readonly type: string;
  category: Category;
}

/** The type of a finding's object that the assessed code does not define. */
const UNLISTED_TYPE = "unknown";

/** Returns the databases of one assessed server, in name order. */
export function tallyServer(
  server: string,
  a: Assessment,
  resolveDatabase: DatabaseResolver,
  blockers: BlockerTally,
): DatabaseRollup[] {
  const tallies = new Map<string, FigureTally>();
  const tallyOf = (database: string) => {
    let tally = tallies.get(database);
    if (tally === undefined) {
      tally = emptyTally();
      tallies.set(database, tally);
    }
    return tally;
  };

  for (const unit of a.units) {
    const tally = tallyOf(resolveDatabase(unit.file));
    tally.lines += unit.lines;
    tally.units++;
  }

  // Objects are keyed by database and name, so a procedure created in one
  // script and altered in another counts once.
  const objects = new Map<string, ObjectState>();
  const filesWithObjects = new Set<string>();
  for (const o of a.objects) {
    const database = resolveDatabase(o.file);
    filesWithObjects.add(o.file);
    const key = objectKey(database, o.name);
    if (!objects.has(key)) {
      objects.set(key, { database, type: o.type, category: "supported" });
    }
  }

  const titles = featureTitles(a);
  for (const finding of a.findings) {
    const database = resolveDatabase(finding.file);
    const byStatus = tallyOf(database).findingsByStatus;
    // A status from a newer infio has no counter here, but still sets the
    // object's category (unknown) below.
    if (Object.hasOwn(byStatus, finding.status)) {
      byStatus[finding.status]++;
    }

    const key = findingObjectKey(database, finding);
    let state = objects.get(key);
    if (state === undefined) {
      const type = finding.object === "" ? BATCH_OBJECT_TYPE : UNLISTED_TYPE;
      state = { database, type, category: "supported" };
      objects.set(key, state);
    }

    state.category = worseCategory(state.category, categoryOfStatus(finding.status));
    if (finding.status === "notSupported") {
      const title = titles.get(titleKey(finding)) ?? finding.featureId;
      blockers.add(finding, title, server, `${server}\u0000${key}`, partOfType(state.type));
    }
  }

  // A unit that defines no object and has no finding is still code to migrate.
  for (const unit of a.units) {
    const database = resolveDatabase(unit.file);
    const key = batchKey(database, unit.file);
    if (!filesWithObjects.has(unit.file) && !objects.has(key)) {
      objects.set(key, { database, type: BATCH_OBJECT_TYPE, category: "supported" });
    }
  }

  for (const state of objects.values()) {
    const tally = tallyOf(state.database);
    tally.objects++;
    tally.objectsByType.set(state.type, (tally.objectsByType.get(state.type) ?? 0) + 1);
    const part = partOfType(state.type) === "code" ? tally.code : tally.schema;
    addToCounts(part, state.category);
  }

  return [...tallies]
    .sort(([x], [y]) => compareCodeUnits(x, y))
    .map(([name, tally]) => ({ name, ...figuresOf(tally) }));
}

function objectKey(database: string, name: string): string {
  return `${database}\u0000object\u0000${name}`;
}

function batchKey(database: string, file: string): string {
  return `${database}\u0000batch\u0000${file}`;
}

function findingObjectKey(database: string, finding: Finding): string {
  return finding.object === ""
    ? batchKey(database, finding.file)
    : objectKey(database, finding.object);
}

function titleKey(f: { featureId: string; detail?: string }): string {
  return `${f.featureId}\u0000${f.detail ?? ""}`;
}

/** Catalog titles by feature and detail, as the assessment's effort breakdown recorded them. */
function featureTitles(a: Assessment): Map<string, string> {
  const titles = new Map<string, string>();
  for (const f of a.effort?.byFeature ?? []) {
    titles.set(titleKey(f), f.title);
  }
  return titles;
}
