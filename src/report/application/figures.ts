/** Sums of Figures, and the empty starting point of a tally. */

import type { FindingStatus } from "../../assessment/model.js";
import { FINDING_STATUSES } from "../../assessment/model.js";
import type { MutableCounts } from "./categories.js";
import { addCounts, compatibilityOf, emptyCounts } from "./categories.js";
import type { Figures } from "./model.js";

/** Figures being counted, before compatibilityOf turns the counts into shares. */
export interface FigureTally {
  lines: number;
  units: number;
  objects: number;
  objectsByType: Map<string, number>;
  findingsByStatus: Record<FindingStatus, number>;
  schema: MutableCounts;
  code: MutableCounts;
}

export function emptyTally(): FigureTally {
  return {
    lines: 0,
    units: 0,
    objects: 0,
    objectsByType: new Map(),
    findingsByStatus: zeroStatuses(),
    schema: emptyCounts(),
    code: emptyCounts(),
  };
}

export function zeroStatuses(): Record<FindingStatus, number> {
  return Object.fromEntries(FINDING_STATUSES.map((s) => [s, 0])) as Record<
    FindingStatus,
    number
  >;
}

/** Turns a tally into Figures, with object types in name order. */
export function figuresOf(tally: FigureTally): Figures {
  const types = [...tally.objectsByType.keys()].sort();

  return {
    lines: tally.lines,
    units: tally.units,
    objects: tally.objects,
    objectsByType: Object.fromEntries(
      types.map((t) => [t, tally.objectsByType.get(t)!]),
    ),
    findingsByStatus: { ...tally.findingsByStatus },
    compatibility: compatibilityOf(tally.schema, tally.code),
  };
}

/** Adds the figures of several sets of code into one. */
export function sumFigures(parts: readonly Figures[]): Figures {
  const tally = emptyTally();
  for (const part of parts) {
    tally.lines += part.lines;
    tally.units += part.units;
    tally.objects += part.objects;

    for (const [type, n] of Object.entries(part.objectsByType)) {
      tally.objectsByType.set(type, (tally.objectsByType.get(type) ?? 0) + n);
    }

    for (const status of FINDING_STATUSES) {
      tally.findingsByStatus[status] += part.findingsByStatus[status] ?? 0;
    }

    addCounts(tally.schema, part.compatibility.schema);
    addCounts(tally.code, part.compatibility.code);
  }

  return figuresOf(tally);
}
