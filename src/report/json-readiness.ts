/**
 * The `readiness` member of assessment.json: the target and thresholds,
 * the load-strategy counts and biggest tables on a line each, and the
 * items with a record per line, as the other lists of the file.
 */

import type { Readiness, ReadinessItem, TableLoad } from "../assessment/readiness/model.js";

/** Yields `  "readiness": {...},` with its trailing comma, as the other detail members. */
export function* readinessMember(readiness: Readiness): Generator<string> {
  const head = {
    target: readiness.target,
    source: readiness.source,
    thresholds: { ...readiness.thresholds },
    strategyCounts: { ...readiness.strategyCounts },
    missingParts: [...readiness.missingParts],
    counts: severityCounts(readiness.items),
  };

  yield '  "readiness": {\n';
  for (const [name, value] of Object.entries(head)) {
    yield `    ${JSON.stringify(name)}: ${JSON.stringify(value)},\n`;
  }
  yield* lines("biggestTables", readiness.biggestTables, tableRecord);
  yield ",\n";
  yield* lines("items", readiness.items, itemRecord);
  yield "\n  },\n";
}

function severityCounts(items: readonly ReadinessItem[]): Record<string, number> {
  const counts: Record<string, number> = { blocker: 0, warning: 0, info: 0 };
  for (const item of items) {
    counts[item.severity] = (counts[item.severity] ?? 0) + 1;
  }
  return counts;
}

function* lines<T>(name: string, records: readonly T[], record: (item: T) => object): Generator<string> {
  if (records.length === 0) {
    yield `    ${JSON.stringify(name)}: []`;
    return;
  }
  yield `    ${JSON.stringify(name)}: [\n`;
  yield records.map((r) => `      ${JSON.stringify(record(r))}`).join(",\n");
  yield "\n    ]";
}

function itemRecord(item: ReadinessItem): object {
  return {
    id: item.id,
    rule: item.rule,
    severity: item.severity,
    database: item.database,
    object: item.object,
    objectType: item.objectType,
    evidence: item.evidence,
    action: item.action,
  };
}

function tableRecord(t: TableLoad): object {
  return {
    database: t.database,
    table: t.table,
    rows: t.rows,
    reservedKb: t.reservedKb,
    partitions: t.partitions,
    lobColumns: t.lobColumns,
    strategy: t.strategy,
    lobMode: t.lobMode,
  };
}
