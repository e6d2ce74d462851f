/**
 * Queries that read what a CREATE TABLE needs, a page of tables at a
 * time: the tables by object_id after a given one, then their columns,
 * indexes and key constraints, CHECK constraints and foreign keys for the
 * object_id range of that page. Each result is small and read whole, so
 * memory is bounded by one page and no two results are open at once on a
 * connection.
 *
 * Catalog columns from Microsoft Learn. The graph columns (sys.tables
 * is_node and is_edge, sys.columns graph_type) exist from SQL Server 2017
 * (14), so each of the two queries that read them has a 2016 variant that
 * returns constants instead.
 */

import { defineQuery, type CatalogQuery } from "../catalog-query.js";

/** Tables per page. */
export const TABLE_PAGE_SIZE = 100;

/** First major version with graph tables (SQL Server 2017). */
export const GRAPH_MIN_VERSION = 14;

function tablesSql(graph: boolean): string {
  const graphColumns = graph
    ? "t.is_node,\n    t.is_edge,"
    : "CAST(0 AS bit) AS is_node,\n    CAST(0 AS bit) AS is_edge,";
  return `
SELECT TOP (@page_size)
    t.object_id,
    SCHEMA_NAME(t.schema_id) AS schema_name,
    t.name AS table_name,
    t.is_memory_optimized,
    t.durability_desc,
    t.temporal_type,
    OBJECT_SCHEMA_NAME(t.history_table_id) AS history_schema_name,
    OBJECT_NAME(t.history_table_id) AS history_table_name,
    COL_NAME(p.object_id, p.start_column_id) AS period_start_column,
    COL_NAME(p.object_id, p.end_column_id) AS period_end_column,
    t.is_filetable,
    t.lock_escalation_desc,
    ${graphColumns}
    ds.name AS data_space_name,
    ds.type AS data_space_type,
    ds.is_default AS data_space_is_default,
    COL_NAME(pc.object_id, pc.column_id) AS partition_column,
    lob.name AS lob_data_space_name,
    lob.is_default AS lob_data_space_is_default,
    fs.name AS filestream_data_space_name,
    fs.is_default AS filestream_data_space_is_default,
    (SELECT TOP (1) pt.data_compression_desc
     FROM sys.partitions AS pt
     WHERE pt.object_id = t.object_id AND pt.index_id IN (0, 1)
     ORDER BY pt.partition_number) AS data_compression_desc
FROM sys.tables AS t
LEFT JOIN sys.indexes AS i
    ON i.object_id = t.object_id AND i.index_id IN (0, 1)
LEFT JOIN sys.data_spaces AS ds
    ON ds.data_space_id = i.data_space_id
LEFT JOIN sys.index_columns AS pc
    ON pc.object_id = i.object_id AND pc.index_id = i.index_id AND pc.partition_ordinal = 1
LEFT JOIN sys.data_spaces AS lob
    ON lob.data_space_id = t.lob_data_space_id
LEFT JOIN sys.data_spaces AS fs
    ON fs.data_space_id = t.filestream_data_space_id
LEFT JOIN sys.periods AS p
    ON p.object_id = t.object_id
WHERE t.is_ms_shipped = 0
  AND t.is_external = 0
  AND t.object_id > @after_object_id
ORDER BY t.object_id;`;
}

const TABLE_READS = [
  "sys.tables",
  "sys.indexes",
  "sys.index_columns",
  "sys.data_spaces",
  "sys.periods",
  "sys.partitions",
];

export const TABLES_QUERY = defineQuery({
  id: "collector.tables",
  scope: "database",
  sql: tablesSql(true),
  reads: TABLE_READS,
  permission: "VIEW DEFINITION",
  minVersion: GRAPH_MIN_VERSION,
});

export const TABLES_QUERY_2016 = defineQuery({
  id: "collector.tables-2016",
  scope: "database",
  sql: tablesSql(false),
  reads: TABLE_READS,
  permission: "VIEW DEFINITION",
});

function columnsSql(graph: boolean): string {
  const graphColumn = graph ? "c.graph_type," : "CAST(NULL AS int) AS graph_type,";
  return `
SELECT
    c.object_id,
    c.column_id,
    c.name AS column_name,
    ty.name AS type_name,
    SCHEMA_NAME(ty.schema_id) AS type_schema_name,
    ty.is_user_defined,
    c.max_length,
    c.precision,
    c.scale,
    c.collation_name,
    c.is_nullable,
    c.is_rowguidcol,
    c.is_filestream,
    c.is_sparse,
    c.is_column_set,
    c.is_xml_document,
    xsc.name AS xml_collection_name,
    SCHEMA_NAME(xsc.schema_id) AS xml_collection_schema_name,
    c.generated_always_type,
    c.is_hidden,
    ${graphColumn}
    mc.masking_function,
    CAST(ic.seed_value AS nvarchar(40)) AS identity_seed,
    CAST(ic.increment_value AS nvarchar(40)) AS identity_increment,
    ic.is_not_for_replication AS identity_not_for_replication,
    cc.definition AS computed_definition,
    cc.is_persisted,
    dc.name AS default_name,
    dc.is_system_named AS default_is_system_named,
    dc.definition AS default_definition
FROM sys.columns AS c
JOIN sys.tables AS t
    ON t.object_id = c.object_id
JOIN sys.types AS ty
    ON ty.user_type_id = c.user_type_id
LEFT JOIN sys.xml_schema_collections AS xsc
    ON xsc.xml_collection_id = c.xml_collection_id AND c.xml_collection_id <> 0
LEFT JOIN sys.masked_columns AS mc
    ON mc.object_id = c.object_id AND mc.column_id = c.column_id
LEFT JOIN sys.identity_columns AS ic
    ON ic.object_id = c.object_id AND ic.column_id = c.column_id
LEFT JOIN sys.computed_columns AS cc
    ON cc.object_id = c.object_id AND cc.column_id = c.column_id
LEFT JOIN sys.default_constraints AS dc
    ON dc.parent_object_id = c.object_id AND dc.parent_column_id = c.column_id
WHERE t.is_ms_shipped = 0
  AND c.object_id BETWEEN @first_object_id AND @last_object_id
ORDER BY c.object_id, c.column_id;`;
}

const COLUMN_READS = [
  "sys.columns",
  "sys.tables",
  "sys.types",
  "sys.xml_schema_collections",
  "sys.masked_columns",
  "sys.identity_columns",
  "sys.computed_columns",
  "sys.default_constraints",
];

export const TABLE_COLUMNS_QUERY = defineQuery({
  id: "collector.table-columns",
  scope: "database",
  sql: columnsSql(true),
  reads: COLUMN_READS,
  permission: "VIEW DEFINITION",
  minVersion: GRAPH_MIN_VERSION,
});

export const TABLE_COLUMNS_QUERY_2016 = defineQuery({
  id: "collector.table-columns-2016",
  scope: "database",
  sql: columnsSql(false),
  reads: COLUMN_READS,
  permission: "VIEW DEFINITION",
});

/**
 * One row per index column, with the index, its key constraint and its
 * storage repeated; an index without columns (none in practice) still
 * gives one row.
 */
export const TABLE_INDEXES_QUERY = defineQuery({
  id: "collector.table-indexes",
  scope: "database",
  sql: `
SELECT
    i.object_id,
    i.index_id,
    i.name AS index_name,
    i.type AS index_type,
    i.is_unique,
    i.is_primary_key,
    i.is_unique_constraint,
    kc.is_system_named AS constraint_is_system_named,
    i.ignore_dup_key,
    i.fill_factor,
    i.has_filter,
    i.filter_definition,
    ds.name AS data_space_name,
    ds.type AS data_space_type,
    ds.is_default AS data_space_is_default,
    (SELECT TOP (1) pt.data_compression_desc
     FROM sys.partitions AS pt
     WHERE pt.object_id = i.object_id AND pt.index_id = i.index_id
     ORDER BY pt.partition_number) AS data_compression_desc,
    hi.bucket_count,
    xi.xml_index_type,
    xi.secondary_type_desc,
    pxi.name AS primary_xml_index_name,
    st.tessellation_scheme,
    st.bounding_box_xmin,
    st.bounding_box_ymin,
    st.bounding_box_xmax,
    st.bounding_box_ymax,
    ic.index_column_id,
    ic.key_ordinal,
    ic.partition_ordinal,
    ic.is_descending_key,
    ic.is_included_column,
    COL_NAME(ic.object_id, ic.column_id) AS column_name
FROM sys.indexes AS i
JOIN sys.tables AS t
    ON t.object_id = i.object_id
LEFT JOIN sys.key_constraints AS kc
    ON kc.parent_object_id = i.object_id AND kc.unique_index_id = i.index_id
LEFT JOIN sys.data_spaces AS ds
    ON ds.data_space_id = i.data_space_id
LEFT JOIN sys.hash_indexes AS hi
    ON hi.object_id = i.object_id AND hi.index_id = i.index_id
LEFT JOIN sys.xml_indexes AS xi
    ON xi.object_id = i.object_id AND xi.index_id = i.index_id
LEFT JOIN sys.xml_indexes AS pxi
    ON pxi.object_id = xi.object_id AND pxi.index_id = xi.using_xml_index_id
LEFT JOIN sys.spatial_index_tessellations AS st
    ON st.object_id = i.object_id AND st.index_id = i.index_id
LEFT JOIN sys.index_columns AS ic
    ON ic.object_id = i.object_id AND ic.index_id = i.index_id
WHERE t.is_ms_shipped = 0
  AND i.index_id > 0
  AND i.is_hypothetical = 0
  AND i.object_id BETWEEN @first_object_id AND @last_object_id
ORDER BY i.object_id, i.index_id, ic.index_column_id;`,
  reads: [
    "sys.indexes",
    "sys.tables",
    "sys.key_constraints",
    "sys.data_spaces",
    "sys.partitions",
    "sys.hash_indexes",
    "sys.xml_indexes",
    "sys.spatial_index_tessellations",
    "sys.index_columns",
  ],
  permission: "VIEW DEFINITION",
});

export const TABLE_CHECKS_QUERY = defineQuery({
  id: "collector.table-checks",
  scope: "database",
  sql: `
SELECT
    cc.parent_object_id AS object_id,
    cc.object_id AS constraint_id,
    cc.name AS constraint_name,
    cc.is_system_named,
    cc.is_not_for_replication,
    cc.definition
FROM sys.check_constraints AS cc
JOIN sys.tables AS t
    ON t.object_id = cc.parent_object_id
WHERE t.is_ms_shipped = 0
  AND cc.parent_object_id BETWEEN @first_object_id AND @last_object_id
ORDER BY cc.parent_object_id, cc.object_id;`,
  reads: ["sys.check_constraints", "sys.tables"],
  permission: "VIEW DEFINITION",
});

export const TABLE_FOREIGN_KEYS_QUERY = defineQuery({
  id: "collector.table-foreign-keys",
  scope: "database",
  sql: `
SELECT
    fk.parent_object_id AS object_id,
    fk.object_id AS constraint_id,
    fk.name AS constraint_name,
    fk.is_system_named,
    fk.is_not_for_replication,
    fk.delete_referential_action_desc,
    fk.update_referential_action_desc,
    OBJECT_SCHEMA_NAME(fk.referenced_object_id) AS referenced_schema_name,
    OBJECT_NAME(fk.referenced_object_id) AS referenced_table_name,
    fkc.constraint_column_id,
    COL_NAME(fkc.parent_object_id, fkc.parent_column_id) AS column_name,
    COL_NAME(fkc.referenced_object_id, fkc.referenced_column_id) AS referenced_column_name
FROM sys.foreign_keys AS fk
JOIN sys.tables AS t
    ON t.object_id = fk.parent_object_id
JOIN sys.foreign_key_columns AS fkc
    ON fkc.constraint_object_id = fk.object_id
WHERE t.is_ms_shipped = 0
  AND fk.parent_object_id BETWEEN @first_object_id AND @last_object_id
ORDER BY fk.parent_object_id, fk.object_id, fkc.constraint_column_id;`,
  reads: ["sys.foreign_keys", "sys.tables", "sys.foreign_key_columns"],
  permission: "VIEW DEFINITION",
});

/** The queries for a server of `majorVersion`. */
export function tableQueriesFor(majorVersion: number): {
  readonly tables: CatalogQuery;
  readonly columns: CatalogQuery;
} {
  return majorVersion >= GRAPH_MIN_VERSION
    ? { tables: TABLES_QUERY, columns: TABLE_COLUMNS_QUERY }
    : { tables: TABLES_QUERY_2016, columns: TABLE_COLUMNS_QUERY_2016 };
}

export const TABLE_QUERIES = [
  TABLES_QUERY,
  TABLES_QUERY_2016,
  TABLE_COLUMNS_QUERY,
  TABLE_COLUMNS_QUERY_2016,
  TABLE_INDEXES_QUERY,
  TABLE_CHECKS_QUERY,
  TABLE_FOREIGN_KEYS_QUERY,
] as const;
