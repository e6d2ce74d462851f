/**
 * Redacts the readiness part: the database and object of each item and
 * of each listed table by their kind, and the evidence and actions as
 * prose, which replaces the names they quote or bracket.
 */

import type { Readiness } from "../../assessment/readiness/model.js";
import type { NameKind } from "./kinds.js";
import type { Namer } from "./namer.js";

const OBJECT_PART_KINDS: readonly NameKind[] = ["schema", "table", "column"];

function redactObject(name: string, namer: Namer): string {
  // NOTE: a name with a dot inside it is split wrongly here; every part is
  // still replaced, so nothing of it is kept.
  return name
    .split(".")
    .map((part, i) => namer.name(part, OBJECT_PART_KINDS[i] ?? "column"))
    .join(".");
}

export function redactReadiness(readiness: Readiness, namer: Namer, prose: (text: string) => string): Readiness {
  const database = (name: string): string => namer.name(name, "database");
  return {
    ...readiness,
    items: readiness.items.map((item) => {
      const redactedDatabase = item.database === null ? null : database(item.database);
      const redactedObject = item.object === null ? null : redactObject(item.object, namer);
      const where = [redactedDatabase, redactedObject].filter((part) => part !== null).join(".");
      return {
        ...item,
        id: where === "" ? item.rule : `${item.rule}:${where}`,
        database: redactedDatabase,
        object: redactedObject,
        evidence: prose(item.evidence),
        action: prose(item.action),
      };
    }),
    biggestTables: readiness.biggestTables.map((t) => ({
      ...t,
      database: database(t.database),
      table: redactObject(t.table, namer),
    })),
  };
}
