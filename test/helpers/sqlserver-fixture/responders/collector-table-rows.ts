/** Lookups the table responders share, as the catalog functions and joins of their queries. */

import type { FixtureDatabase } from "../fixture.js";
import type { ResponderInput } from "../responder.js";
import { rowsById } from "./collector-code.js";
import { databaseView, isOn, orderBy, type NamedRow } from "./result-table.js";

export function parameter(input: ResponderInput, name: string): number {
  const found = input.parameters.find((p) => p.name === `@${name}`);
  if (found === undefined || typeof found.value !== "number") {
    throw new Error(`query needs the int parameter @${name}`);
  }
  return found.value;
}

export function inRange(input: ResponderInput, objectId: unknown): boolean {
  const id = Number(objectId);
  return id >= parameter(input, "first_object_id") && id <= parameter(input, "last_object_id");
}

/** A column of a fixture row, or NULL when the row leaves it out. */
export function value(row: NamedRow | undefined, column: string): unknown {
  return row?.[column] ?? null;
}

/** COL_NAME(object_id, column_id), or NULL. */
export function columnName(database: FixtureDatabase | undefined, objectId: unknown, columnId: unknown): string | null {
  const column = databaseView(database, "sys.columns").find(
    (c) => c["object_id"] === objectId && c["column_id"] === columnId,
  );
  return column === undefined ? null : String(column["name"]);
}

export function userTables(database: FixtureDatabase | undefined): NamedRow[] {
  return [...rowsById(databaseView(database, "sys.tables"), "object_id").values()].filter(
    (t) => !isOn(t["is_ms_shipped"]),
  );
}

export function dataSpace(database: FixtureDatabase | undefined, id: unknown): NamedRow | undefined {
  return databaseView(database, "sys.data_spaces").find((d) => d["data_space_id"] === id);
}

/** `data_compression_desc` of the lowest partition of an index. */
export function compression(database: FixtureDatabase | undefined, objectId: unknown, indexIds: readonly unknown[]): unknown {
  const partitions = databaseView(database, "sys.partitions").filter(
    (p) => p["object_id"] === objectId && indexIds.includes(p["index_id"]),
  );
  return value(orderBy(partitions, "partition_number")[0], "data_compression_desc");
}
