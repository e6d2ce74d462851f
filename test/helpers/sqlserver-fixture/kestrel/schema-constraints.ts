/**
 * CHECK, DEFAULT and FOREIGN KEY constraint rows of one fixture table:
 * sys.check_constraints, sys.default_constraints, sys.foreign_keys and
 * sys.foreign_key_columns, each constraint also in sys.objects.
 */

import type { TableSpec } from "./schema-model.js";
import type { AddRow, CatalogRow } from "./schema-storage.js";

export interface ConstraintContext {
  readonly add: AddRow;
  readonly table: TableSpec;
  readonly objectId: number;
  readonly schemaId: number;
  /** Column ids of every table, by table object_id. */
  readonly columnIds: ReadonlyMap<number, ReadonlyMap<string, number>>;
  /** sys.columns, sys.identity_columns and sys.computed_columns rows of this table's columns. */
  readonly columnRows: ReadonlyMap<string, readonly CatalogRow[]>;
  readonly tableIds: ReadonlyMap<string, number>;
  readonly nextConstraintId: () => number;
  readonly addConstraintObject: (objectId: number, name: string, type: string, typeDesc: string) => void;
}

const REFERENTIAL_ACTIONS: Readonly<Record<string, number>> = {
  NO_ACTION: 0,
  CASCADE: 1,
  SET_NULL: 2,
  SET_DEFAULT: 3,
};

export function addCheckConstraints(context: ConstraintContext): void {
  const { table } = context;
  const created = new Date(table.createdAt);
  const columns = context.columnIds.get(context.objectId)!;

  for (const check of table.checks ?? []) {
    const objectId = context.nextConstraintId();
    context.addConstraintObject(objectId, check.name, "C", "CHECK_CONSTRAINT");
    context.add("sys.check_constraints", {
      name: check.name,
      object_id: objectId,
      principal_id: null,
      schema_id: context.schemaId,
      parent_object_id: context.objectId,
      type: "C",
      type_desc: "CHECK_CONSTRAINT",
      create_date: created,
      modify_date: created,
      is_ms_shipped: false,
      is_published: false,
      is_schema_published: false,
      is_disabled: false,
      is_not_for_replication: false,
      is_not_trusted: false,
      parent_column_id: check.column === undefined ? 0 : columnId(columns, check.column, table),
      definition: check.definition,
      uses_database_collation: true,
      is_system_named: check.systemNamed === true,
    });
  }
}

export function addDefaultConstraints(context: ConstraintContext): void {
  const { table } = context;
  const created = new Date(table.createdAt);
  const columns = context.columnIds.get(context.objectId)!;

  for (const defaultSpec of table.defaults ?? []) {
    const objectId = context.nextConstraintId();
    const name = defaultSpec.name ?? systemDefaultName(table.name, defaultSpec.column, objectId);
    context.addConstraintObject(objectId, name, "D", "DEFAULT_CONSTRAINT");
    context.add("sys.default_constraints", {
      name,
      object_id: objectId,
      principal_id: null,
      schema_id: context.schemaId,
      parent_object_id: context.objectId,
      type: "D",
      type_desc: "DEFAULT_CONSTRAINT",
      create_date: created,
      modify_date: created,
      is_ms_shipped: false,
      is_published: false,
      is_schema_published: false,
      parent_column_id: columnId(columns, defaultSpec.column, table),
      definition: defaultSpec.definition,
      is_system_named: defaultSpec.name === undefined,
    });
    for (const row of context.columnRows.get(defaultSpec.column) ?? []) {
      row["default_object_id"] = objectId;
    }
  }
}

export function addForeignKeys(context: ConstraintContext): void {
  const { table } = context;
  const created = new Date(table.createdAt);
  const columns = context.columnIds.get(context.objectId)!;

  for (const foreignKey of table.foreignKeys ?? []) {
    const referencedId = context.tableIds.get(foreignKey.references);
    const referencedColumns = referencedId === undefined ? undefined : context.columnIds.get(referencedId);
    if (referencedId === undefined || referencedColumns === undefined) {
      throw new Error(`fixture foreign key '${foreignKey.name}' references unknown table '${foreignKey.references}'`);
    }

    const objectId = context.nextConstraintId();
    const onDelete = foreignKey.onDelete ?? "NO_ACTION";
    const onUpdate = foreignKey.onUpdate ?? "NO_ACTION";
    context.addConstraintObject(objectId, foreignKey.name, "F", "FOREIGN_KEY_CONSTRAINT");
    context.add("sys.foreign_keys", {
      name: foreignKey.name,
      object_id: objectId,
      principal_id: null,
      schema_id: context.schemaId,
      parent_object_id: context.objectId,
      type: "F",
      type_desc: "FOREIGN_KEY_CONSTRAINT",
      create_date: created,
      modify_date: created,
      is_ms_shipped: false,
      is_published: false,
      is_schema_published: false,
      referenced_object_id: referencedId,
      key_index_id: 1,
      is_disabled: foreignKey.disabled === true,
      is_not_for_replication: false,
      is_not_trusted: foreignKey.notTrusted === true || foreignKey.disabled === true,
      delete_referential_action: REFERENTIAL_ACTIONS[onDelete] ?? 0,
      delete_referential_action_desc: onDelete,
      update_referential_action: REFERENTIAL_ACTIONS[onUpdate] ?? 0,
      update_referential_action_desc: onUpdate,
      is_system_named: false,
    });

    foreignKey.columns.forEach((column, position) => {
      const referenced = foreignKey.referencedColumns[position] ?? column;
      context.add("sys.foreign_key_columns", {
        constraint_object_id: objectId,
        constraint_column_id: position + 1,
        parent_object_id: context.objectId,
        parent_column_id: columnId(columns, column, table),
        referenced_object_id: referencedId,
        referenced_column_id: columnId(referencedColumns, referenced, table),
      });
    });
  }
}

function columnId(columns: ReadonlyMap<string, number>, name: string, table: TableSpec): number {
  const id = columns.get(name);
  if (id === undefined) {
    throw new Error(`fixture constraint of ${table.schema}.${table.name} names unknown column '${name}'`);
  }
  return id;
}

/** DF__<table>__<column>__<hex>, the pattern of SQL Server's generated names. */
function systemDefaultName(table: string, column: string, objectId: number): string {
  const hex = objectId.toString(16).toUpperCase().padStart(8, "0");
  return `DF__${table.slice(0, 9)}__${column.slice(0, 5)}__${hex}`;
}
