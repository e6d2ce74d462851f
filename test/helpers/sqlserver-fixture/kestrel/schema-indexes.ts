/**
 * Index rows of one fixture table: sys.indexes, sys.index_columns, the
 * PRIMARY KEY and UNIQUE constraints that own indexes, the XML, spatial
 * and hash index views, and each index's partitions. Index ids follow SQL
 * Server: 0 for a heap, 1 for the clustered index, 2 and up for the
 * others, 256000 and up for XML indexes and 384000 and up for spatial
 * indexes.
 */

import type { IndexSpec, TableSpec } from "./schema-model.js";
import { addIndexStorage, type AddRow, type CatalogRow, type DataSpaces } from "./schema-storage.js";

const INDEX_TYPES: Readonly<Record<IndexSpec["type"], number>> = {
  CLUSTERED: 1,
  NONCLUSTERED: 2,
  XML: 3,
  SPATIAL: 4,
  "CLUSTERED COLUMNSTORE": 5,
  "NONCLUSTERED COLUMNSTORE": 6,
  "NONCLUSTERED HASH": 7,
};

export interface TableContext {
  readonly spec: TableSpec;
  readonly objectId: number;
  readonly schemaId: number;
  readonly columnIds: ReadonlyMap<string, number>;
  readonly hasLob: boolean;
  /** Allocates the object_id of a constraint of this table. */
  readonly nextConstraintId: () => number;
  /** Writes the sys.objects row of a constraint of this table. */
  readonly addConstraintObject: (objectId: number, name: string, type: string, typeDesc: string) => void;
}

/** Writes every index of a table, a heap row when it has no clustered index. */
export function addTableIndexes(add: AddRow, spaces: DataSpaces, table: TableContext): void {
  const { spec } = table;
  const dataSpace = spec.dataSpace ?? spaces.defaultFilegroup();
  const indexes = spec.indexes ?? [];
  const clustered = indexes.find((i) => i.type === "CLUSTERED" || i.type === "CLUSTERED COLUMNSTORE");
  const inMemory = spec.memoryOptimized === true;

  if (clustered === undefined && !inMemory) {
    addIndex(add, spaces, table, heapSpec(), 0, dataSpace);
  }

  let nextIndexId = 2;
  let nextXmlId = 256000;
  let nextSpatialId = 384000;
  const xmlIds = new Map<string, number>();

  for (const indexSpec of indexes) {
    let indexId: number;
    if (indexSpec === clustered) {
      indexId = 1;
    } else if (indexSpec.type === "XML") {
      indexId = nextXmlId++;
      xmlIds.set(indexSpec.name, indexId);
    } else if (indexSpec.type === "SPATIAL") {
      indexId = nextSpatialId++;
    } else {
      indexId = nextIndexId++;
    }

    const onTableSpace = indexSpec.type === "XML" || indexSpec.type === "SPATIAL";
    const space = indexSpec.filegroup ?? (onTableSpace && spaces.isScheme(dataSpace) ? "PRIMARY" : dataSpace);
    const row = addIndex(add, spaces, table, indexSpec, indexId, space);
    addSpecialIndexRows(add, row, indexSpec, xmlIds);
  }
}

function heapSpec(): IndexSpec {
  return { name: "", type: "NONCLUSTERED", keys: [] };
}

function addIndex(
  add: AddRow,
  spaces: DataSpaces,
  table: TableContext,
  index: IndexSpec,
  indexId: number,
  dataSpace: string,
): CatalogRow {
  const { spec, objectId } = table;
  const isHeap = indexId === 0;
  const type = isHeap ? 0 : INDEX_TYPES[index.type];

  const row: CatalogRow = {
    object_id: objectId,
    name: isHeap ? null : index.name,
    index_id: indexId,
    type,
    type_desc: isHeap ? "HEAP" : index.type,
    is_unique: index.unique === true,
    data_space_id: spaces.id(dataSpace),
    ignore_dup_key: index.ignoreDupKey === true,
    is_primary_key: index.constraint === "PK",
    is_unique_constraint: index.constraint === "UQ",
    fill_factor: index.fillFactor ?? 0,
    is_padded: false,
    is_disabled: false,
    is_hypothetical: false,
    is_ignored_in_optimization: false,
    allow_row_locks: true,
    allow_page_locks: !spec.memoryOptimized,
    has_filter: index.filter !== undefined,
    filter_definition: index.filter ?? null,
    compression_delay: type === 5 || type === 6 ? 0 : null,
    suppress_dup_key_messages: false,
    auto_created: false,
    optimize_for_sequential_key: index.optimizeForSequentialKey === true,
  };
  add("sys.indexes", row);

  addIndexColumns(add, table, index, indexId, spaces.isScheme(dataSpace));
  if (index.constraint !== undefined) {
    addKeyConstraint(add, table, index, indexId);
  }

  // XML and spatial indexes keep their rows on internal tables.
  if (type !== 3 && type !== 4) {
    const filteredShare = index.filter === undefined ? 1 : 0.1;
    const isBase = indexId <= 1;
    const columnstore = type === 5 || type === 6;
    addIndexStorage(add, spaces, {
      objectId,
      indexId,
      rows: Math.ceil(spec.rows * filteredShare),
      rowBytes: indexRowBytes(spec, index, isBase, columnstore),
      dataSpace,
      compression: index.compression ?? (columnstore ? "COLUMNSTORE" : "NONE"),
      hasLob: isBase && table.hasLob,
      inMemory: spec.memoryOptimized === true,
    });
  }
  return row;
}

/**
 * Estimates bytes per row: the table's row for a heap or clustered index,
 * a tenth of it for columnstore compression, 8 bytes a column plus 16 of
 * overhead for a nonclustered index.
 */
function indexRowBytes(spec: TableSpec, index: IndexSpec, isBase: boolean, columnstore: boolean): number {
  const tableRow = spec.rowBytes ?? 120;
  if (columnstore) {
    return Math.ceil(tableRow / 10);
  }
  if (isBase) {
    return tableRow;
  }
  return 16 + 8 * (index.keys.length + (index.include?.length ?? 0));
}

function addIndexColumns(add: AddRow, table: TableContext, index: IndexSpec, indexId: number, partitioned: boolean): void {
  const partitionColumn = partitioned ? table.spec.partitionColumn : undefined;
  const entries: { column: string; keyOrdinal: number; descending: boolean; included: boolean }[] = [];

  index.keys.forEach((key, position) => {
    const [column, direction] = key.split(" ");
    entries.push({ column: column!, keyOrdinal: position + 1, descending: direction === "DESC", included: false });
  });
  for (const column of index.include ?? []) {
    entries.push({ column, keyOrdinal: 0, descending: false, included: true });
  }
  if (index.type === "CLUSTERED COLUMNSTORE") {
    // Every column of the table is part of a clustered columnstore index.
    for (const column of table.columnIds.keys()) {
      entries.push({ column, keyOrdinal: 0, descending: false, included: true });
    }
  }
  if (indexId > 0 && partitionColumn !== undefined && !entries.some((e) => e.column === partitionColumn)) {
    entries.push({ column: partitionColumn, keyOrdinal: 0, descending: false, included: false });
  }

  entries.forEach((entry, position) => {
    const columnId = table.columnIds.get(entry.column);
    if (columnId === undefined) {
      throw new Error(`fixture index '${index.name}' names unknown column '${entry.column}'`);
    }
    add("sys.index_columns", {
      object_id: table.objectId,
      index_id: indexId,
      index_column_id: position + 1,
      column_id: columnId,
      key_ordinal: entry.keyOrdinal,
      partition_ordinal: entry.column === partitionColumn ? 1 : 0,
      is_descending_key: entry.descending,
      is_included_column: entry.included,
      column_store_order_ordinal: 0,
    });
  });
}

function addKeyConstraint(add: AddRow, table: TableContext, index: IndexSpec, indexId: number): void {
  const isPrimary = index.constraint === "PK";
  const objectId = table.nextConstraintId();
  const typeDesc = isPrimary ? "PRIMARY_KEY_CONSTRAINT" : "UNIQUE_CONSTRAINT";
  table.addConstraintObject(objectId, index.name, isPrimary ? "PK" : "UQ", typeDesc);
  add("sys.key_constraints", {
    name: index.name,
    object_id: objectId,
    principal_id: null,
    schema_id: table.schemaId,
    parent_object_id: table.objectId,
    type: isPrimary ? "PK" : "UQ",
    type_desc: typeDesc,
    create_date: new Date(table.spec.createdAt),
    modify_date: new Date(table.spec.createdAt),
    is_ms_shipped: false,
    is_published: false,
    is_schema_published: false,
    unique_index_id: indexId,
    is_system_named: index.systemNamed === true,
    is_enforced: true,
  });
}

function addSpecialIndexRows(add: AddRow, row: CatalogRow, index: IndexSpec, xmlIds: ReadonlyMap<string, number>): void {
  if (index.type === "XML") {
    const primary = index.xml?.primary;
    const secondary = index.xml?.secondary ?? null;
    add("sys.xml_indexes", {
      ...row,
      using_xml_index_id: primary === undefined ? null : (xmlIds.get(primary) ?? null),
      secondary_type: secondary === null ? null : secondary[0]!,
      secondary_type_desc: secondary,
      xml_index_type: primary === undefined ? 0 : 1,
      xml_index_type_description: primary === undefined ? "PRIMARY_XML" : "SECONDARY_XML",
      path_id: null,
    });
  }
  if (index.type === "SPATIAL") {
    const scheme = index.tessellation ?? "GEOGRAPHY_AUTO_GRID";
    const spatial = {
      ...row,
      spatial_index_type: scheme.startsWith("GEOGRAPHY") ? 2 : 1,
      spatial_index_type_desc: scheme.startsWith("GEOGRAPHY") ? "GEOGRAPHY" : "GEOMETRY",
      tessellation_scheme: scheme,
      no_pages: false,
    };
    add("sys.spatial_indexes", spatial);
    add("sys.spatial_index_tessellations", {
      object_id: row["object_id"] ?? null,
      index_id: row["index_id"] ?? null,
      tessellation_scheme: scheme,
      bounding_box_xmin: null,
      bounding_box_ymin: null,
      bounding_box_xmax: null,
      bounding_box_ymax: null,
      level_1_grid: null,
      level_1_grid_desc: null,
      cells_per_object: 12,
    });
  }
  if (index.type === "NONCLUSTERED HASH") {
    add("sys.hash_indexes", { ...row, bucket_count: index.bucketCount ?? 1024 });
  }
}
