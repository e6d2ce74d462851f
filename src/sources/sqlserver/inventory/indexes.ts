/**
 * The indexes part: every index of user tables and indexed views, with
 * its type (clustered, nonclustered, columnstore, XML, spatial, hash),
 * uniqueness, filter, included columns, compression and partitioning.
 */

import type { InventoryItem } from "../collected.js";
import type { Row } from "../reader.js";
import type { InventoryPart, PartResult } from "./part.js";
import { countOf, numberOf } from "./row-numbers.js";
import { flagOf, requiredTextOf, textOf } from "./row-values.js";
import { columnSince, defineVersionedQueries, queryForVersion } from "./versioned.js";

// XML and spatial indexes keep their rows on internal tables, so they
// have no sys.partitions rows under the base table and their partition
// count is NULL. optimize_for_sequential_key exists from SQL Server 2019
// ("sys.indexes", Microsoft Learn).
const INDEXES = defineVersionedQueries({
  id: "inventory.indexes",
  scope: "database",
  versions: [13, 15],
  reads: [
    "sys.indexes",
    "sys.objects",
    "sys.schemas",
    "sys.index_columns",
    "sys.partitions",
    "sys.data_spaces",
    "sys.xml_indexes",
    "sys.spatial_indexes",
  ],
  permission: "VIEW DEFINITION",
  sql: (version) => `
WITH index_column_counts AS (
    SELECT
        ic.object_id,
        ic.index_id,
        SUM(CASE WHEN ic.is_included_column = 0 AND ic.key_ordinal > 0 THEN 1 ELSE 0 END)
            AS key_column_count,
        SUM(CASE WHEN ic.is_included_column = 1 THEN 1 ELSE 0 END) AS included_column_count
    FROM sys.index_columns AS ic
    GROUP BY ic.object_id, ic.index_id
),
index_partitions AS (
    SELECT
        p.object_id,
        p.index_id,
        COUNT(*) AS partition_count,
        MIN(p.data_compression_desc) AS min_compression,
        MAX(p.data_compression_desc) AS max_compression
    FROM sys.partitions AS p
    GROUP BY p.object_id, p.index_id
)
SELECT
    s.name AS schema_name,
    o.name AS object_name,
    RTRIM(o.type) AS object_type,
    i.name AS index_name,
    i.index_id,
    i.type_desc,
    i.is_unique,
    i.is_primary_key,
    i.is_unique_constraint,
    i.has_filter,
    i.filter_definition,
    i.is_disabled,
    i.is_hypothetical,
    i.fill_factor,
    i.ignore_dup_key,
    i.allow_row_locks,
    i.allow_page_locks,
    ${columnSince(version, 15, "i.optimize_for_sequential_key", "bit")},
    cc.key_column_count,
    cc.included_column_count,
    ip.partition_count,
    ip.min_compression,
    ip.max_compression,
    ds.type_desc AS data_space_type,
    ds.name AS data_space_name,
    xi.using_xml_index_id,
    xi.secondary_type_desc AS xml_secondary_type_desc,
    si.tessellation_scheme
FROM sys.indexes AS i
JOIN sys.objects AS o
    ON o.object_id = i.object_id
JOIN sys.schemas AS s
    ON s.schema_id = o.schema_id
LEFT JOIN index_column_counts AS cc
    ON cc.object_id = i.object_id
    AND cc.index_id = i.index_id
LEFT JOIN index_partitions AS ip
    ON ip.object_id = i.object_id
    AND ip.index_id = i.index_id
LEFT JOIN sys.data_spaces AS ds
    ON ds.data_space_id = i.data_space_id
LEFT JOIN sys.xml_indexes AS xi
    ON xi.object_id = i.object_id
    AND xi.index_id = i.index_id
LEFT JOIN sys.spatial_indexes AS si
    ON si.object_id = i.object_id
    AND si.index_id = i.index_id
WHERE i.index_id > 0
  AND o.is_ms_shipped = 0
  AND o.type IN ('U', 'V')
ORDER BY s.name, o.name, i.index_id;`,
});

export const indexesPart: InventoryPart = {
  name: "indexes",
  title: "Indexes",
  scope: "database",
  queries: INDEXES,

  async collect(reader, context): Promise<PartResult> {
    const rows = await reader.all(queryForVersion(INDEXES, context.majorVersion));
    return { items: rows.map((row) => indexItem(reader.database, row)) };
  },
};

function indexItem(database: string, row: Row): InventoryItem {
  const type = requiredTextOf(row, "type_desc");

  return {
    database,
    schema: requiredTextOf(row, "schema_name"),
    // A table, or a view for an indexed view.
    object: requiredTextOf(row, "object_name"),
    objectType: requiredTextOf(row, "object_type") === "V" ? "view" : "table",
    name: textOf(row, "index_name"),
    indexId: numberOf(row, "index_id"),
    // CLUSTERED, NONCLUSTERED, XML, SPATIAL, CLUSTERED COLUMNSTORE,
    // NONCLUSTERED COLUMNSTORE, NONCLUSTERED HASH.
    type,
    isColumnstore: type.endsWith("COLUMNSTORE"),
    isUnique: flagOf(row, "is_unique"),
    isPrimaryKey: flagOf(row, "is_primary_key"),
    isUniqueConstraint: flagOf(row, "is_unique_constraint"),
    isFiltered: flagOf(row, "has_filter"),
    filter: textOf(row, "filter_definition"),
    isDisabled: flagOf(row, "is_disabled"),
    // Left by the Database Engine Tuning Advisor. It contains no data.
    isHypothetical: flagOf(row, "is_hypothetical"),
    fillFactor: numberOf(row, "fill_factor"),
    ignoreDupKey: flagOf(row, "ignore_dup_key"),
    allowRowLocks: flagOf(row, "allow_row_locks"),
    allowPageLocks: flagOf(row, "allow_page_locks"),
    optimizeForSequentialKey: flagOf(row, "optimize_for_sequential_key"),
    keyColumns: countOf(row, "key_column_count"),
    includedColumns: countOf(row, "included_column_count"),
    partitions: numberOf(row, "partition_count"),
    compression: compressionOf(row),
    isPartitioned: textOf(row, "data_space_type") === "PARTITION_SCHEME",
    dataSpace: textOf(row, "data_space_name"),
    xmlIndexType: xmlIndexType(type, row),
    spatialTessellation: textOf(row, "tessellation_scheme"),
  };
}

/** Returns the compression of all partitions, or `MIXED` when partitions differ. */
function compressionOf(row: Row): string | null {
  const lowest = textOf(row, "min_compression");
  const highest = textOf(row, "max_compression");
  return lowest === highest ? lowest : "MIXED";
}

/** Returns PRIMARY for a primary XML index, else PATH, VALUE or PROPERTY. */
function xmlIndexType(type: string, row: Row): string | null {
  if (type !== "XML") {
    return null;
  }
  return numberOf(row, "using_xml_index_id") === null
    ? "PRIMARY"
    : textOf(row, "xml_secondary_type_desc");
}
