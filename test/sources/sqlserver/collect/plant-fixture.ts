/**
 * A fixture database whose tables use every table-level feature the
 * rebuilt definitions must carry: identity, computed, sparse, FILESTREAM,
 * ROWGUIDCOL, masked and collated columns, named and unnamed defaults,
 * keys, CHECK and cascading foreign keys, partitioned columnstore,
 * filtered, XML and spatial indexes, memory-optimized, temporal, graph
 * node and edge tables, a FileTable and lock escalation. Most rows come
 * from the schema builder; what it does not model (graph, masking,
 * FileTable, collation, lock escalation, durability) is patched in here
 * as sys.columns and sys.tables describe it.
 */

import type { SqlValue } from "../../../helpers/tds-server/index.js";
import type { CatalogViews, FixtureServer } from "../../../helpers/sqlserver-fixture/index.js";
import { buildSchemaViews } from "../../../helpers/sqlserver-fixture/kestrel/schema-builder.js";
import { foreignKey, index, primaryKey, uniqueKey, type TableSpec } from "../../../helpers/sqlserver-fixture/kestrel/schema-model.js";

type Row = Record<string, SqlValue>;

const CREATED = "2024-03-01T00:00:00.000Z";

const TABLES: readonly TableSpec[] = [
  {
    schema: "plant",
    name: "Site",
    columns: [
      "SiteId int NOT NULL IDENTITY(100,5)",
      "Code plant.Code NOT NULL",
      "Name nvarchar(100) NOT NULL",
      "LocalName nvarchar(100) NULL",
      "Location geography NULL",
      "Notes nvarchar(max) NULL",
      "Fax varchar(20) NULL SPARSE",
      "Extra xml NULL COLUMN_SET",
      "Spec xml(plant.SpecSchema) NULL",
      "Doubled int AS ([SiteId]*(2)) PERSISTED",
      "RowGuid uniqueidentifier NOT NULL ROWGUIDCOL",
    ],
    indexes: [
      primaryKey("PK_Site", ["SiteId"]),
      uniqueKey("UQ_Site_Code", ["Code"], { ignoreDupKey: true }),
      index("IX_Site_Name", ["Name DESC"], { include: ["LocalName"], filter: "([Name] IS NOT NULL)", compression: "PAGE", fillFactor: 80 }),
      { name: "SIX_Site_Location", type: "SPATIAL", keys: ["Location"], tessellation: "GEOGRAPHY_GRID" },
      { name: "PXML_Site_Spec", type: "XML", keys: ["Spec"], xml: {} },
      { name: "SXML_Site_Spec", type: "XML", keys: ["Spec"], xml: { secondary: "PATH", primary: "PXML_Site_Spec" } },
    ],
    defaults: [
      { column: "Name", definition: "(N'unnamed')", name: "DF_Site_Name" },
      { column: "RowGuid", definition: "(newsequentialid())" },
    ],
    checks: [{ name: "CK_Site_Code", definition: "(len([Code])>(2))" }],
    rows: 10,
    lobDataSpace: "SECONDARY",
    createdAt: CREATED,
  },
  {
    schema: "plant",
    name: "Reading",
    columns: ["SiteId int NOT NULL", "ReadingYear int NOT NULL", "Value decimal(9,3) NOT NULL"],
    indexes: [{ name: "CCI_Reading", type: "CLUSTERED COLUMNSTORE", keys: [] }],
    foreignKeys: [foreignKey("FK_Reading_Site", ["SiteId"], "plant.Site", ["SiteId"], { onDelete: "CASCADE" })],
    rows: 1000,
    dataSpace: "psByYear",
    partitionColumn: "ReadingYear",
    createdAt: CREATED,
  },
  {
    schema: "plant",
    name: "Document",
    columns: ["DocId uniqueidentifier NOT NULL ROWGUIDCOL", "Body varbinary(max) NULL FILESTREAM"],
    indexes: [uniqueKey("UQ_Document", ["DocId"])],
    rows: 3,
    filestreamDataSpace: "DOCS",
    createdAt: CREATED,
  },
  {
    schema: "plant",
    name: "Cache",
    columns: ["Id int NOT NULL", "Payload nvarchar(200) NOT NULL"],
    indexes: [
      { name: "PK_Cache", type: "NONCLUSTERED HASH", keys: ["Id"], unique: true, constraint: "PK", bucketCount: 1024 },
      index("IX_Cache_Payload", ["Payload"]),
    ],
    memoryOptimized: true,
    rows: 0,
    createdAt: CREATED,
  },
  {
    schema: "plant",
    name: "Price",
    columns: [
      "PriceId int NOT NULL",
      "Amount decimal(19,4) NOT NULL",
      "ValidFrom datetime2(7) NOT NULL ROW_START HIDDEN",
      "ValidTo datetime2(7) NOT NULL ROW_END HIDDEN",
    ],
    indexes: [primaryKey("PK_Price", ["PriceId"])],
    temporal: { history: "plant.PriceHistory", periodStart: "ValidFrom", periodEnd: "ValidTo" },
    rows: 5,
    createdAt: CREATED,
  },
  {
    schema: "plant",
    name: "PriceHistory",
    columns: ["PriceId int NOT NULL", "Amount decimal(19,4) NOT NULL", "ValidFrom datetime2(7) NOT NULL", "ValidTo datetime2(7) NOT NULL"],
    isHistory: true,
    rows: 5,
    createdAt: CREATED,
  },
];

function find(views: Record<string, Row[]>, view: string, where: (row: Row) => boolean): Row {
  const row = views[view]?.find(where);
  if (row === undefined) {
    throw new Error(`plant fixture: no ${view} row to patch`);
  }
  return row;
}

function objectIdOf(views: Record<string, Row[]>, name: string): number {
  return find(views, "sys.tables", (t) => t["name"] === name)["object_id"] as number;
}

/** Adds a graph table: its sys.objects and sys.tables rows and its columns, internal ones included. */
function addGraphTable(
  views: Record<string, Row[]>,
  objectId: number,
  name: string,
  kind: "node" | "edge",
  columns: readonly (readonly [string, number | null, number])[],
): void {
  const template = find(views, "sys.tables", (t) => t["name"] === "PriceHistory");
  const object = { ...find(views, "sys.objects", (o) => o["name"] === "PriceHistory"), object_id: objectId, name };
  views["sys.objects"]!.push(object);
  views["sys.tables"]!.push({
    ...template,
    object_id: objectId,
    name,
    temporal_type: 0,
    history_table_id: null,
    lob_data_space_id: 0,
    is_node: kind === "node",
    is_edge: kind === "edge",
  });
  const intColumn = find(views, "sys.columns", (c) => c["name"] === "PriceId");
  columns.forEach(([columnName, graphType, userTypeId], position) => {
    views["sys.columns"]!.push({
      ...intColumn,
      object_id: objectId,
      column_id: position + 1,
      name: columnName,
      user_type_id: userTypeId,
      system_type_id: userTypeId,
      max_length: userTypeId === 231 ? 200 : 8,
      collation_name: userTypeId === 231 ? "SQL_Latin1_General_CP1_CI_AS" : null,
      graph_type: graphType,
      is_hidden: graphType === 1 || graphType === 3 || graphType === 4 || graphType === 6 || graphType === 7,
    });
  });
  views["sys.indexes"]!.push({
    ...find(views, "sys.indexes", (i) => i["object_id"] === template["object_id"] && i["index_id"] === 0),
    object_id: objectId,
  });
}

function addGraphIndex(views: Record<string, Row[]>, objectId: number, name: string, columnIds: readonly number[], unique: boolean): void {
  const base = find(views, "sys.indexes", (i) => i["name"] === "IX_Cache_Payload");
  views["sys.indexes"]!.push({ ...base, object_id: objectId, index_id: 2, name, type: 2, type_desc: "NONCLUSTERED", is_unique: unique, data_space_id: 1 });
  columnIds.forEach((columnId, position) => {
    views["sys.index_columns"]!.push({
      object_id: objectId,
      index_id: 2,
      index_column_id: position + 1,
      column_id: columnId,
      key_ordinal: position + 1,
      partition_ordinal: 0,
      is_descending_key: false,
      is_included_column: false,
    });
  });
}

export function plantViews(): CatalogViews {
  const views = buildSchemaViews({
    collation: "SQL_Latin1_General_CP1_CI_AS",
    schemas: ["plant"],
    aliasTypes: [{ schema: "plant", name: "Code", base: "varchar(10)", nullable: false }],
    xmlSchemaCollections: ["plant.SpecSchema"],
    dataSpaces: [
      { name: "PRIMARY", type: "FG", isDefault: true },
      { name: "SECONDARY", type: "FG" },
      { name: "DOCS", type: "FD" },
      { name: "psByYear", type: "PS", scheme: { function: "pfByYear", filegroups: ["PRIMARY", "SECONDARY"] } },
    ],
    partitionFunctions: [{ name: "pfByYear", parameterType: "int", rangeRight: true, boundaries: ["2024"] }],
    tables: TABLES,
    createdAt: CREATED,
  }) as Record<string, Row[]>;

  const site = objectIdOf(views, "Site");
  find(views, "sys.tables", (t) => t["object_id"] === site)["lock_escalation_desc"] = "AUTO";
  find(views, "sys.tables", (t) => t["name"] === "Cache")["durability_desc"] = "SCHEMA_ONLY";
  find(views, "sys.columns", (c) => c["object_id"] === site && c["name"] === "LocalName")["collation_name"] = "Polish_100_CI_AS";
  const name = find(views, "sys.columns", (c) => c["object_id"] === site && c["name"] === "Name");
  name["is_masked"] = true;
  (views["sys.masked_columns"] ??= []).push({ ...name, masking_function: 'partial(1, "xxxx", 0)' });

  addGraphTable(views, 1_800_000_001, "Person", "node", [
    ["graph_id_4C1A", 1, 127],
    ["$node_id_72F0", 2, 231],
    ["Name", null, 231],
  ]);
  addGraphIndex(views, 1_800_000_001, "UX_Person_Node", [2], true);
  addGraphTable(views, 1_800_000_002, "Knows", "edge", [
    ["graph_id_5D2B", 1, 127],
    ["$edge_id_1AB3", 2, 231],
    ["from_obj_id_7E1C", 4, 56],
    ["from_id_3C4D", 3, 127],
    ["$from_id_9A8B", 5, 231],
    ["to_obj_id_2F3E", 7, 56],
    ["to_id_6B7C", 6, 127],
    ["$to_id_4D5E", 8, 231],
  ]);
  addGraphIndex(views, 1_800_000_002, "IX_Knows_FromTo", [5, 8], false);

  views["sys.objects"]!.push({ ...find(views, "sys.objects", (o) => o["name"] === "PriceHistory"), object_id: 1_800_000_003, name: "Drawings" });
  views["sys.tables"]!.push({
    ...find(views, "sys.tables", (t) => t["name"] === "PriceHistory"),
    object_id: 1_800_000_003,
    name: "Drawings",
    temporal_type: 0,
    is_filetable: true,
    filestream_data_space_id: find(views, "sys.data_spaces", (d) => d["name"] === "DOCS")["data_space_id"] ?? null,
  });

  views["sys.fn_my_permissions"] = ["CONNECT", "VIEW DEFINITION"].map((permission) => ({ permission_name: permission }));
  return views;
}

/** Returns a server with master and the Plant database; `version` sets ProductVersion. */
export function plantServer(version = "16.0.4135.4"): FixtureServer {
  return {
    name: "PLANT-SQL01",
    views: {
      serverproperty: [{ ProductVersion: version, Edition: "Developer Edition (64-bit)" }],
      "sys.fn_my_permissions": ["CONNECT SQL", "VIEW ANY DATABASE", "VIEW ANY DEFINITION"].map((p) => ({ permission_name: p })),
    },
    databases: [
      { name: "master", views: {} },
      { name: "Plant", views: plantViews() },
    ],
  };
}
