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

/**
 * Replaces the item's own names where the texts quote them, as [name],
 * "name" or 'name'. Prose alone would keep a name that is also a T-SQL
 * keyword, such as a table named Order.
 */
function replaceOwnNames(text: string, names: ReadonlyMap<string, string>): string {
  let result = text;
  for (const [name, pseudonym] of names) {
    result = result
      .replaceAll(`[${name.replaceAll("]", "]]")}]`, `[${pseudonym}]`)
      .replaceAll(`"${name.replaceAll('"', '""')}"`, `"${pseudonym}"`)
      .replaceAll(`'${name.replaceAll("'", "''")}'`, `'${pseudonym}'`);
  }
  return result;
}

export function redactReadiness(readiness: Readiness, namer: Namer, prose: (text: string) => string): Readiness {
  const database = (name: string): string => namer.name(name, "database");
  return {
    ...readiness,
    items: readiness.items.map((item) => {
      const redactedDatabase = item.database === null ? null : database(item.database);
      const redactedObject = item.object === null ? null : redactObject(item.object, namer);
      const where = [redactedDatabase, redactedObject].filter((part) => part !== null).join(".");

      const names = new Map<string, string>();
      if (item.database !== null && redactedDatabase !== null) {
        names.set(item.database, redactedDatabase);
      }
      const parts = item.object?.split(".") ?? [];
      const redactedParts = redactedObject?.split(".") ?? [];
      parts.forEach((part, i) => names.set(part, redactedParts[i] ?? part));
      // After prose, so that prose does not take the pseudonyms for names.
      const text = (value: string): string => replaceOwnNames(prose(value), names);

      return {
        ...item,
        id: where === "" ? item.rule : `${item.rule}:${where}`,
        database: redactedDatabase,
        object: redactedObject,
        evidence: text(item.evidence),
        action: text(item.action),
      };
    }),
    biggestTables: readiness.biggestTables.map((t) => ({
      ...t,
      database: database(t.database),
      table: redactObject(t.table, namer),
    })),
  };
}
