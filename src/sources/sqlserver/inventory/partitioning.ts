/**
 * The partitioning part: each partition function with its parameter type,
 * boundaries and partitions, and the partition schemes built on it with
 * their filegroups and the tables and indexes stored on them.
 */

import { defineQuery } from "../catalog-query.js";
import type { InventoryItem } from "../collected.js";
import type { Row } from "../reader.js";
import { baseTypeWithLength } from "./column-format.js";
import type { InventoryPart, PartResult } from "./part.js";
import { countOf, numberOf } from "./row-numbers.js";
import { flagOf, requiredTextOf } from "./row-values.js";

// A partition function has one parameter (parameter_id 1), and fanout is
// its number of partitions, one more than its boundary values
// ("sys.partition_functions", Microsoft Learn).
const PARTITION_FUNCTIONS = defineQuery({
  id: "inventory.partition-functions",
  scope: "database",
  sql: `
SELECT
    pf.function_id,
    pf.name AS function_name,
    pf.type_desc,
    pf.fanout,
    pf.boundary_value_on_right,
    ty.name AS base_type_name,
    pp.max_length,
    pp.[precision],
    pp.scale,
    (SELECT COUNT(*)
     FROM sys.partition_range_values AS rv
     WHERE rv.function_id = pf.function_id) AS boundary_count
FROM sys.partition_functions AS pf
JOIN sys.partition_parameters AS pp
    ON pp.function_id = pf.function_id
    AND pp.parameter_id = 1
JOIN sys.types AS ty
    ON ty.user_type_id = pp.system_type_id
ORDER BY pf.name;`,
  reads: [
    "sys.partition_functions",
    "sys.partition_parameters",
    "sys.types",
    "sys.partition_range_values",
  ],
  permission: "VIEW DEFINITION",
});

const PARTITION_SCHEMES = defineQuery({
  id: "inventory.partition-schemes",
  scope: "database",
  sql: `
SELECT
    ps.function_id,
    ps.name AS scheme_name,
    (SELECT COUNT(DISTINCT dds.data_space_id)
     FROM sys.destination_data_spaces AS dds
     WHERE dds.partition_scheme_id = ps.data_space_id) AS filegroup_count,
    (SELECT COUNT(DISTINCT i.object_id)
     FROM sys.indexes AS i
     WHERE i.data_space_id = ps.data_space_id) AS object_count,
    (SELECT COUNT(*)
     FROM sys.indexes AS i
     WHERE i.data_space_id = ps.data_space_id) AS index_count
FROM sys.partition_schemes AS ps
ORDER BY ps.name;`,
  reads: ["sys.partition_schemes", "sys.destination_data_spaces", "sys.indexes"],
  permission: "VIEW DEFINITION",
});

export const partitioningPart: InventoryPart = {
  name: "partitioning",
  title: "Partition functions and schemes",
  scope: "database",
  queries: [PARTITION_FUNCTIONS, PARTITION_SCHEMES],

  async collect(reader): Promise<PartResult> {
    const functionRows = await reader.all(PARTITION_FUNCTIONS);
    if (functionRows.length === 0) {
      return { items: [] };
    }

    const schemesByFunction = new Map<number, InventoryItem[]>();
    for (const row of await reader.all(PARTITION_SCHEMES)) {
      const functionId = countOf(row, "function_id");
      const schemes = schemesByFunction.get(functionId) ?? [];
      schemes.push({
        name: requiredTextOf(row, "scheme_name"),
        filegroups: countOf(row, "filegroup_count"),
        // Tables and indexed views with a heap or index on the scheme.
        objects: countOf(row, "object_count"),
        indexes: countOf(row, "index_count"),
      });
      schemesByFunction.set(functionId, schemes);
    }

    const items = functionRows.map((row) => functionItem(reader.database, row, schemesByFunction));
    return { items };
  },
};

function functionItem(
  database: string,
  row: Row,
  schemesByFunction: ReadonlyMap<number, readonly InventoryItem[]>,
): InventoryItem {
  return {
    database,
    name: requiredTextOf(row, "function_name"),
    // RANGE is the only type SQL Server has.
    type: requiredTextOf(row, "type_desc"),
    range: flagOf(row, "boundary_value_on_right") === true ? "RIGHT" : "LEFT",
    parameterType: baseTypeWithLength(row),
    boundaries: countOf(row, "boundary_count"),
    partitions: numberOf(row, "fanout"),
    schemes: schemesByFunction.get(countOf(row, "function_id")) ?? [],
  };
}
