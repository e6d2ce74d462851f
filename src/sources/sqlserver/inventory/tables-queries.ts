/**
 * Queries of the tables part: one row per user table with its sizes and
 * storage features, and one row per column of those tables.
 */

import { columnSince, defineVersionedQueries } from "./versioned.js";

// Rows come from the heap or clustered index (index_id 0 or 1) of
// sys.partitions. Space comes from sys.allocation_units, whose container_id
// is a hobt_id for IN_ROW_DATA (1) and ROW_OVERFLOW_DATA (3) and a
// partition_id for LOB_DATA (2) ("sys.allocation_units", Microsoft Learn);
// this needs only VIEW DEFINITION, where sys.dm_db_partition_stats needs
// VIEW DATABASE STATE. LOB columns are the (max) types, xml and the CLR
// types (max_length -1), and text, ntext and image (ids 35, 99, 34).
// is_node and is_edge exist from SQL Server 2017 and ledger_type_desc from
// 2022 ("sys.tables", Microsoft Learn).
export const TABLES = defineVersionedQueries({
  id: "inventory.tables",
  scope: "database",
  versions: [13, 14, 16],
  reads: [
    "sys.tables",
    "sys.schemas",
    "sys.partitions",
    "sys.allocation_units",
    "sys.columns",
    "sys.indexes",
    "sys.data_spaces",
  ],
  permission: "VIEW DEFINITION",
  sql: (version) => `
WITH row_counts AS (
    SELECT
        p.object_id,
        SUM(p.rows) AS row_count,
        COUNT(*) AS partition_count
    FROM sys.partitions AS p
    WHERE p.index_id IN (0, 1)
    GROUP BY p.object_id
),
space_used AS (
    SELECT
        p.object_id,
        SUM(a.total_pages) AS reserved_pages,
        SUM(a.used_pages) AS used_pages,
        SUM(a.data_pages) AS data_pages
    FROM sys.partitions AS p
    JOIN sys.allocation_units AS a
        ON (a.type IN (1, 3) AND a.container_id = p.hobt_id)
        OR (a.type = 2 AND a.container_id = p.partition_id)
    GROUP BY p.object_id
),
column_features AS (
    SELECT
        c.object_id,
        COUNT(*) AS column_count,
        SUM(CONVERT(int, c.is_identity)) AS identity_columns,
        SUM(CONVERT(int, c.is_computed)) AS computed_columns,
        SUM(CONVERT(int, c.is_sparse)) AS sparse_columns,
        SUM(CONVERT(int, c.is_column_set)) AS column_sets,
        SUM(CONVERT(int, c.is_filestream)) AS filestream_columns,
        SUM(CASE WHEN c.max_length = -1 OR c.system_type_id IN (34, 35, 99) THEN 1 ELSE 0 END)
            AS lob_columns
    FROM sys.columns AS c
    GROUP BY c.object_id
),
index_features AS (
    SELECT
        i.object_id,
        SUM(CASE WHEN i.index_id > 0 THEN 1 ELSE 0 END) AS index_count,
        MAX(CASE WHEN i.is_primary_key = 1 THEN 1 ELSE 0 END) AS has_primary_key,
        MAX(CASE WHEN i.index_id = 1 THEN 1 ELSE 0 END) AS has_clustered_index,
        MAX(CASE WHEN i.type = 5 THEN 1 ELSE 0 END) AS has_clustered_columnstore,
        MAX(CASE WHEN i.type = 6 THEN 1 ELSE 0 END) AS has_nonclustered_columnstore
    FROM sys.indexes AS i
    GROUP BY i.object_id
)
SELECT
    s.name AS schema_name,
    t.name AS table_name,
    t.create_date,
    t.modify_date,
    r.row_count,
    r.partition_count,
    u.reserved_pages,
    u.used_pages,
    u.data_pages,
    cf.column_count,
    cf.identity_columns,
    cf.computed_columns,
    cf.sparse_columns,
    cf.column_sets,
    cf.filestream_columns,
    cf.lob_columns,
    ixf.index_count,
    ixf.has_primary_key,
    ixf.has_clustered_index,
    ixf.has_clustered_columnstore,
    ixf.has_nonclustered_columnstore,
    ds.type_desc AS data_space_type,
    ds.name AS data_space_name,
    t.is_memory_optimized,
    t.durability_desc,
    t.temporal_type_desc,
    hs.name AS history_schema_name,
    h.name AS history_table_name,
    t.is_filetable,
    t.is_external,
    t.is_replicated,
    t.is_tracked_by_cdc,
    t.lock_escalation_desc,
    ${columnSince(version, 14, "t.is_node", "bit")},
    ${columnSince(version, 14, "t.is_edge", "bit")},
    ${columnSince(version, 16, "t.ledger_type_desc", "nvarchar(60)")}
FROM sys.tables AS t
JOIN sys.schemas AS s
    ON s.schema_id = t.schema_id
LEFT JOIN row_counts AS r
    ON r.object_id = t.object_id
LEFT JOIN space_used AS u
    ON u.object_id = t.object_id
LEFT JOIN column_features AS cf
    ON cf.object_id = t.object_id
LEFT JOIN index_features AS ixf
    ON ixf.object_id = t.object_id
LEFT JOIN sys.indexes AS base
    ON base.object_id = t.object_id
    AND base.index_id IN (0, 1)
LEFT JOIN sys.data_spaces AS ds
    ON ds.data_space_id = base.data_space_id
LEFT JOIN sys.tables AS h
    ON h.object_id = t.history_table_id
LEFT JOIN sys.schemas AS hs
    ON hs.schema_id = h.schema_id
WHERE t.is_ms_shipped = 0
ORDER BY s.name, t.name;`,
});

// The base type of an alias type is the system type whose user_type_id
// equals the column's system_type_id. CLR types (hierarchyid, geometry,
// geography, user CLR types) share system_type_id 240, which no type has
// as user_type_id, so they keep their own name. generated_always_type_desc,
// is_hidden, is_masked and encryption_type_desc exist from SQL Server
// 2016 and graph_type_desc from 2017 ("sys.columns", Microsoft Learn).
export const TABLE_COLUMNS = defineVersionedQueries({
  id: "inventory.table-columns",
  scope: "database",
  versions: [13, 14],
  reads: ["sys.columns", "sys.tables", "sys.schemas", "sys.types", "sys.default_constraints"],
  permission: "VIEW DEFINITION",
  sql: (version) => `
SELECT
    s.name AS schema_name,
    t.name AS table_name,
    c.column_id,
    c.name AS column_name,
    ts.name AS type_schema_name,
    ty.name AS type_name,
    COALESCE(bt.name, ty.name) AS base_type_name,
    ty.is_user_defined,
    ty.is_assembly_type,
    c.max_length,
    c.[precision],
    c.scale,
    c.is_nullable,
    c.is_identity,
    c.is_computed,
    c.is_sparse,
    c.is_column_set,
    c.is_filestream,
    c.is_rowguidcol,
    c.is_xml_document,
    c.xml_collection_id,
    c.collation_name,
    c.generated_always_type_desc,
    c.is_hidden,
    c.is_masked,
    c.encryption_type_desc,
    ${columnSince(version, 14, "c.graph_type_desc", "nvarchar(60)")},
    dc.definition AS default_definition
FROM sys.columns AS c
JOIN sys.tables AS t
    ON t.object_id = c.object_id
JOIN sys.schemas AS s
    ON s.schema_id = t.schema_id
JOIN sys.types AS ty
    ON ty.user_type_id = c.user_type_id
JOIN sys.schemas AS ts
    ON ts.schema_id = ty.schema_id
LEFT JOIN sys.types AS bt
    ON bt.user_type_id = c.system_type_id
LEFT JOIN sys.default_constraints AS dc
    ON dc.object_id = c.default_object_id
WHERE t.is_ms_shipped = 0
ORDER BY s.name, t.name, c.column_id;`,
});
