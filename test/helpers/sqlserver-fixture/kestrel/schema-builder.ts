/**
 * Writes the catalog view rows of a database from a DatabaseSchemaSpec:
 * sys.schemas, sys.types, sys.objects, sys.tables, sys.columns and the
 * constraint, index, partition and storage views, with the columns that
 * "sys.*" pages of Microsoft Learn give them in SQL Server 2022. The
 * char(2) `type` of sys.objects is stored without its trailing space.
 */

import type { CatalogViews } from "../fixture.js";
import { parseColumn, resolveType, SYSTEM_TYPES, type TypeResolver } from "./schema-columns.js";
import {
  addCheckConstraints,
  addDefaultConstraints,
  addForeignKeys,
  type ConstraintContext,
} from "./schema-constraints.js";
import { addTableIndexes } from "./schema-indexes.js";
import type { AliasTypeSpec, DatabaseSchemaSpec, TableSpec } from "./schema-model.js";
import { DataSpaces, type AddRow, type CatalogRow } from "./schema-storage.js";

/** object_id of the first table; each table's constraints follow its id. */
const FIRST_TABLE_ID = 1_000_000_000;
const TABLE_ID_STEP = 1000;
/** object_id of the first sequence, synonym or table type. */
const FIRST_OTHER_ID = 1_900_000_000;

const FIXED_SCHEMAS = ["dbo", "guest", "INFORMATION_SCHEMA", "sys"];

/** sys.tables.temporal_type_desc by temporal_type 0, 1 and 2. */
const TEMPORAL_TYPES = ["NON_TEMPORAL_TABLE", "HISTORY_TABLE", "SYSTEM_VERSIONED_TEMPORAL_TABLE"] as const;

const GENERATED_ALWAYS_TYPES = { NOT_APPLICABLE: 0, AS_ROW_START: 1, AS_ROW_END: 2 } as const;

export function buildSchemaViews(spec: DatabaseSchemaSpec): CatalogViews {
  const views: Record<string, CatalogRow[]> = {};
  const add: AddRow = (view, row) => {
    (views[view] ??= []).push(row);
  };

  const schemaIds = new Map<string, number>();
  [...FIXED_SCHEMAS, ...spec.schemas].forEach((name, position) => {
    const schemaId = position + 1;
    schemaIds.set(name, schemaId);
    add("sys.schemas", { name, schema_id: schemaId, principal_id: schemaId <= 4 ? schemaId : 1 });
  });
  const schemaIdOf = (name: string): number => {
    const id = schemaIds.get(name);
    if (id === undefined) {
      throw new Error(`fixture names unknown schema '${name}'`);
    }
    return id;
  };

  let nextOtherId = FIRST_OTHER_ID;
  const addObject = (objectId: number, qualified: string, type: string, typeDesc: string, parent = 0): CatalogRow => {
    const [schema, name] = splitName(qualified);
    const row: CatalogRow = {
      name,
      object_id: objectId,
      principal_id: null,
      schema_id: schemaIdOf(schema),
      parent_object_id: parent,
      type,
      type_desc: typeDesc,
      create_date: new Date(spec.createdAt),
      modify_date: new Date(spec.createdAt),
      is_ms_shipped: false,
      is_published: false,
      is_schema_published: false,
    };
    add("sys.objects", row);
    return row;
  };

  const types = addTypes(add, spec, schemaIdOf, () => nextOtherId++, addObject);
  const spaces = new DataSpaces(spec, types, add);

  const tableIds = new Map<string, number>();
  const columnIds = new Map<number, ReadonlyMap<string, number>>();
  spec.tables.forEach((table, position) => {
    const objectId = FIRST_TABLE_ID + (position + 1) * TABLE_ID_STEP;
    tableIds.set(`${table.schema}.${table.name}`, objectId);
    columnIds.set(objectId, new Map(table.columns.map((column, at) => [parseColumn(column).name, at + 1])));
  });

  for (const table of spec.tables) {
    const objectId = tableIds.get(`${table.schema}.${table.name}`)!;
    let nextConstraint = objectId;
    const build: TableBuild = {
      add,
      spec,
      table,
      objectId,
      schemaId: schemaIdOf(table.schema),
      types,
      spaces,
      tableIds,
      nextConstraintId: () => ++nextConstraint,
      addConstraintObject: (id, name, type, typeDesc) => {
        const row = addObject(id, `${table.schema}.${name}`, type, typeDesc, objectId);
        row["create_date"] = new Date(table.createdAt);
        row["modify_date"] = new Date(table.createdAt);
      },
    };

    const tableRow = addObject(objectId, `${table.schema}.${table.name}`, "U", "USER_TABLE");
    tableRow["create_date"] = new Date(table.createdAt);
    tableRow["modify_date"] = new Date(table.createdAt);
    const ids = columnIds.get(objectId)!;
    const columnRows = addColumns(build);
    addTableRow(build, tableRow, ids);
    addTableIndexes(add, spaces, { ...build, spec: table, columnIds: ids, hasLob: hasLobColumn(table, types) });

    const constraints: ConstraintContext = { ...build, columnIds, columnRows };
    addCheckConstraints(constraints);
    addDefaultConstraints(constraints);
    addForeignKeys(constraints);
  }

  for (const sequence of spec.sequences ?? []) {
    addObject(nextOtherId++, sequence, "SO", "SEQUENCE_OBJECT");
  }
  for (const synonym of spec.synonyms ?? []) {
    const row = addObject(nextOtherId++, synonym.name, "SN", "SYNONYM");
    add("sys.synonyms", { ...row, base_object_name: synonym.target });
  }
  return views;
}

function splitName(qualified: string): [string, string] {
  const dot = qualified.indexOf(".");
  return [qualified.slice(0, dot), qualified.slice(dot + 1)];
}

type AddObject = (objectId: number, qualified: string, type: string, typeDesc: string, parent?: number) => CatalogRow;

function addTypes(
  add: AddRow,
  spec: DatabaseSchemaSpec,
  schemaIdOf: (name: string) => number,
  nextObjectId: () => number,
  addObject: AddObject,
): TypeResolver {
  const aliases = new Map<string, { userTypeId: number; spec: AliasTypeSpec }>();
  const resolver: TypeResolver = { alias: (name) => aliases.get(name) };
  let nextUserTypeId = 257;

  for (const system of SYSTEM_TYPES) {
    add("sys.types", {
      name: system.name,
      system_type_id: system.systemTypeId,
      user_type_id: system.userTypeId,
      schema_id: 4,
      principal_id: null,
      max_length: system.maxLength,
      precision: system.precision,
      scale: system.scale,
      collation_name: system.hasCollation ? spec.collation : null,
      is_nullable: true,
      is_user_defined: false,
      is_assembly_type: system.isAssemblyType,
      default_object_id: 0,
      rule_object_id: 0,
      is_table_type: false,
    });
  }

  for (const alias of spec.aliasTypes ?? []) {
    const userTypeId = nextUserTypeId++;
    const base = resolveType(alias.base, resolver);
    aliases.set(`${alias.schema}.${alias.name}`, { userTypeId, spec: alias });
    add("sys.types", {
      name: alias.name,
      system_type_id: base.systemTypeId,
      user_type_id: userTypeId,
      schema_id: schemaIdOf(alias.schema),
      principal_id: null,
      max_length: base.maxLength,
      precision: base.precision,
      scale: base.scale,
      collation_name: base.hasCollation ? spec.collation : null,
      is_nullable: alias.nullable,
      is_user_defined: true,
      is_assembly_type: false,
      default_object_id: 0,
      rule_object_id: 0,
      is_table_type: false,
    });
  }

  for (const qualified of spec.tableTypes ?? []) {
    const [schema, name] = splitName(qualified);
    const objectId = nextObjectId();
    // The object of a table type is named TT_<type>_<hex object_id>.
    const objectName = `TT_${name}_${objectId.toString(16).toUpperCase()}`;
    addObject(objectId, `${schema}.${objectName}`, "TT", "TYPE_TABLE");
    const row: CatalogRow = {
      name,
      system_type_id: 243,
      user_type_id: nextUserTypeId++,
      schema_id: schemaIdOf(schema),
      principal_id: null,
      max_length: -1,
      precision: 0,
      scale: 0,
      collation_name: null,
      is_nullable: false,
      is_user_defined: true,
      is_assembly_type: false,
      default_object_id: 0,
      rule_object_id: 0,
      is_table_type: true,
    };
    add("sys.types", row);
    add("sys.table_types", { ...row, type_table_object_id: objectId, is_memory_optimized: false });
  }

  (spec.xmlSchemaCollections ?? []).forEach((qualified, position) => {
    const [schema, name] = splitName(qualified);
    add("sys.xml_schema_collections", {
      xml_collection_id: 65536 + position,
      schema_id: schemaIdOf(schema),
      principal_id: null,
      name,
      create_date: new Date(spec.createdAt),
      modify_date: new Date(spec.createdAt),
    });
  });
  return resolver;
}

interface TableBuild {
  readonly add: AddRow;
  readonly spec: DatabaseSchemaSpec;
  readonly table: TableSpec;
  readonly objectId: number;
  readonly schemaId: number;
  readonly types: TypeResolver;
  readonly spaces: DataSpaces;
  readonly tableIds: ReadonlyMap<string, number>;
  readonly nextConstraintId: () => number;
  readonly addConstraintObject: (id: number, name: string, type: string, typeDesc: string) => void;
}

function hasLobColumn(table: TableSpec, types: TypeResolver): boolean {
  return table.columns.some((declaration) => {
    const type = resolveType(parseColumn(declaration).typeText, types);
    return type.maxLength === -1 || [34, 35, 99].includes(type.systemTypeId);
  });
}

/** Writes the columns; returns each column's rows, for default_object_id. */
function addColumns(build: TableBuild): Map<string, CatalogRow[]> {
  const rowsByColumn = new Map<string, CatalogRow[]>();
  const collections = build.spec.xmlSchemaCollections ?? [];

  build.table.columns.forEach((declaration, position) => {
    const column = parseColumn(declaration);
    const type = resolveType(column.typeText, build.types);
    const columnId = position + 1;
    const rows: CatalogRow[] = [];
    rowsByColumn.set(column.name, rows);

    const collectionPosition = type.xmlCollection === null ? -1 : collections.indexOf(type.xmlCollection);
    const row: CatalogRow = {
      object_id: build.objectId,
      name: column.name,
      column_id: columnId,
      system_type_id: type.systemTypeId,
      user_type_id: type.userTypeId,
      max_length: type.maxLength,
      precision: type.precision,
      scale: type.scale,
      collation_name: type.hasCollation ? build.spec.collation : null,
      is_nullable: column.nullable,
      is_ansi_padded: true,
      is_rowguidcol: column.rowguidcol,
      is_identity: column.identity !== null,
      is_computed: column.computed !== null,
      is_filestream: column.filestream,
      is_replicated: false,
      is_non_sql_subscribed: false,
      is_merge_published: false,
      is_dts_replicated: false,
      is_xml_document: false,
      xml_collection_id: collectionPosition === -1 ? 0 : 65536 + collectionPosition,
      default_object_id: 0,
      rule_object_id: 0,
      is_sparse: column.sparse,
      is_column_set: column.columnSet,
      generated_always_type: GENERATED_ALWAYS_TYPES[column.generated ?? "NOT_APPLICABLE"],
      generated_always_type_desc: column.generated ?? "NOT_APPLICABLE",
      encryption_type: null,
      encryption_type_desc: null,
      encryption_algorithm_name: null,
      column_encryption_key_id: null,
      column_encryption_key_database_name: null,
      is_hidden: column.hidden,
      is_masked: false,
      graph_type: null,
      graph_type_desc: null,
    };
    build.add("sys.columns", row);
    rows.push(row);

    if (column.identity !== null) {
      const identity: CatalogRow = {
        ...row,
        seed_value: column.identity.seed,
        increment_value: column.identity.increment,
        last_value: null,
        is_not_for_replication: false,
      };
      build.add("sys.identity_columns", identity);
      rows.push(identity);
    }
    if (column.computed !== null) {
      const computed: CatalogRow = {
        ...row,
        definition: column.computed.definition,
        uses_database_collation: true,
        is_persisted: column.computed.persisted,
      };
      build.add("sys.computed_columns", computed);
      rows.push(computed);
    }
  });
  return rowsByColumn;
}

function addTableRow(build: TableBuild, objectRow: CatalogRow, columnIds: ReadonlyMap<string, number>): void {
  const { table, spaces } = build;
  const temporal = table.temporal;
  const historyId = temporal === undefined ? null : (build.tableIds.get(temporal.history) ?? null);
  const dataSpace = table.dataSpace ?? spaces.defaultFilegroup();
  const memoryOptimized = table.memoryOptimized === true;
  let temporalType: (typeof TEMPORAL_TYPES)[number] = "NON_TEMPORAL_TABLE";
  if (temporal !== undefined) {
    temporalType = "SYSTEM_VERSIONED_TEMPORAL_TABLE";
  } else if (table.isHistory === true) {
    temporalType = "HISTORY_TABLE";
  }

  build.add("sys.tables", {
    ...objectRow,
    lob_data_space_id: hasLobColumn(table, build.types) ? spaces.id(table.lobDataSpace ?? dataSpace) : 0,
    filestream_data_space_id: table.filestreamDataSpace === undefined ? null : spaces.id(table.filestreamDataSpace),
    max_column_id_used: table.columns.length,
    lock_on_bulk_load: false,
    uses_ansi_nulls: true,
    is_replicated: false,
    has_replication_filter: false,
    is_merge_published: false,
    is_sync_tran_subscribed: false,
    has_unchecked_assembly_data: false,
    text_in_row_limit: 0,
    large_value_types_out_of_row: false,
    is_tracked_by_cdc: false,
    lock_escalation: 0,
    lock_escalation_desc: "TABLE",
    is_filetable: false,
    is_memory_optimized: memoryOptimized,
    durability: 0,
    durability_desc: "SCHEMA_AND_DATA",
    temporal_type: TEMPORAL_TYPES.indexOf(temporalType),
    temporal_type_desc: temporalType,
    history_table_id: historyId,
    is_remote_data_archive_enabled: false,
    is_external: false,
    history_retention_period: temporal === undefined ? null : 7,
    history_retention_period_unit: temporal === undefined ? null : 5,
    history_retention_period_unit_desc: temporal === undefined ? null : "YEAR",
    is_node: false,
    is_edge: false,
    ledger_type: 0,
    ledger_type_desc: "NON_LEDGER_TABLE",
    ledger_view_id: null,
    is_dropped_ledger_table: false,
  });

  if (temporal !== undefined) {
    build.add("sys.periods", {
      name: "SYSTEM_TIME",
      period_type: 1,
      period_type_desc: "SYSTEM_TIME_PERIOD",
      object_id: build.objectId,
      start_column_id: columnIds.get(temporal.periodStart) ?? null,
      end_column_id: columnIds.get(temporal.periodEnd) ?? null,
    });
  }
}
