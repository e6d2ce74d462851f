/**
 * Lookups over one fixture database's catalog views for the schema
 * responders: schemas, objects, tables and types by id, and the per-table
 * aggregates (rows, pages, column and index features) that the inventory
 * queries compute with GROUP BY.
 */

import type { FixtureDatabase } from "../fixture.js";
import { databaseView, isOn, type NamedRow } from "./result-table.js";

export class SchemaCatalog {
  readonly database: FixtureDatabase | undefined;
  private readonly schemas: Map<unknown, NamedRow>;
  private readonly objects: Map<unknown, NamedRow>;
  private readonly types: Map<unknown, NamedRow>;

  constructor(database: FixtureDatabase | undefined) {
    this.database = database;
    this.schemas = byKey(this.view("sys.schemas"), "schema_id");
    this.objects = byKey(this.view("sys.objects"), "object_id");
    this.types = byKey(this.view("sys.types"), "user_type_id");
  }

  view(name: string): readonly NamedRow[] {
    return databaseView(this.database, name);
  }

  schemaName(schemaId: unknown): string | null {
    return (this.schemas.get(schemaId)?.["name"] as string | undefined) ?? null;
  }

  object(objectId: unknown): NamedRow | undefined {
    return this.objects.get(objectId);
  }

  type(userTypeId: unknown): NamedRow | undefined {
    return this.types.get(userTypeId);
  }

  /** User tables (is_ms_shipped = 0) of sys.tables. */
  userTables(): NamedRow[] {
    return this.view("sys.tables").filter((t) => !isOn(t["is_ms_shipped"]));
  }

  /** Returns the name of a column's base type, COALESCE(bt.name, ty.name) in the queries. */
  baseTypeName(column: NamedRow): string | null {
    const base = this.types.get(column["system_type_id"]);
    const own = this.types.get(column["user_type_id"]);
    return (base?.["name"] as string | undefined) ?? (own?.["name"] as string | undefined) ?? null;
  }
}

export function byKey(rows: readonly NamedRow[], key: string): Map<unknown, NamedRow> {
  return new Map(rows.map((row) => [row[key], row]));
}

export function groupRows(rows: readonly NamedRow[], key: (row: NamedRow) => unknown): Map<unknown, NamedRow[]> {
  const groups = new Map<unknown, NamedRow[]>();
  for (const row of rows) {
    const id = key(row);
    const list = groups.get(id);
    if (list === undefined) {
      groups.set(id, [row]);
    } else {
      list.push(row);
    }
  }
  return groups;
}

/** SUM over rows as SQL does: NULL when no row has a value. */
export function sum(rows: readonly NamedRow[], value: (row: NamedRow) => unknown): number | null {
  let total: number | null = null;
  for (const row of rows) {
    const item = value(row);
    if (item === null || item === undefined) {
      continue;
    }
    total = (total ?? 0) + Number(item);
  }
  return total;
}

/**
 * Lines of a module definition as the objects query counts them: line
 * feeds, plus one for a last line without a line feed.
 */
export function lineCount(definition: unknown): number | null {
  if (typeof definition !== "string") {
    return null;
  }
  let feeds = 0;
  for (const character of definition) {
    if (character === "\n") {
      feeds++;
    }
  }
  return definition.endsWith("\n") ? feeds : feeds + 1;
}
