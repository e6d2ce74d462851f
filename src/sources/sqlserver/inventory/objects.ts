/**
 * The objects part: user objects of a database counted by type, with the
 * number of T-SQL modules, encrypted modules and lines of code of each
 * type. Database DDL triggers are not in sys.objects and are counted
 * apart, from sys.triggers.
 */

import { defineQuery } from "../catalog-query.js";
import type { InventoryItem } from "../collected.js";
import type { Row } from "../reader.js";
import type { InventoryPart, PartResult } from "./part.js";
import { countOf } from "./row-numbers.js";
import { requiredTextOf, textOf } from "./row-values.js";

// Lines are line feeds, plus one for a last line without a line feed, as
// an editor counts them. DATALENGTH counts bytes, trailing spaces included,
// where LEN would drop them; nvarchar has two bytes a character. The
// binary collation makes REPLACE compare code points, which is exact and
// cheaper than the database collation. An encrypted module has a NULL
// definition ("sys.sql_modules", Microsoft Learn), which makes the whole
// expression NULL.
const LINES = `(DATALENGTH(m.definition)
        - DATALENGTH(REPLACE(m.definition COLLATE Latin1_General_BIN2, NCHAR(10), N''))) / 2
        + CASE WHEN RIGHT(m.definition, 1) = NCHAR(10) THEN 0 ELSE 1 END`;

const OBJECTS_BY_TYPE = defineQuery({
  id: "inventory.objects-by-type",
  scope: "database",
  sql: `
SELECT
    RTRIM(o.type) AS type,
    o.type_desc,
    COUNT(*) AS object_count,
    COUNT(m.object_id) AS module_count,
    SUM(CASE WHEN m.object_id IS NOT NULL AND m.definition IS NULL THEN 1 ELSE 0 END)
        AS encrypted_count,
    SUM(CONVERT(bigint, ${LINES})) AS line_count
FROM sys.objects AS o
LEFT JOIN sys.sql_modules AS m
    ON m.object_id = o.object_id
WHERE o.is_ms_shipped = 0
GROUP BY o.type, o.type_desc
ORDER BY RTRIM(o.type);`,
  reads: ["sys.objects", "sys.sql_modules"],
  permission: "VIEW DEFINITION",
});

// parent_class 0 is the database: DDL triggers ("sys.triggers", Microsoft Learn).
const DDL_TRIGGERS = defineQuery({
  id: "inventory.objects-ddl-triggers",
  scope: "database",
  sql: `
SELECT
    COUNT(*) AS object_count,
    COUNT(m.object_id) AS module_count,
    SUM(CASE WHEN m.object_id IS NOT NULL AND m.definition IS NULL THEN 1 ELSE 0 END)
        AS encrypted_count,
    SUM(CONVERT(bigint, ${LINES})) AS line_count
FROM sys.triggers AS t
LEFT JOIN sys.sql_modules AS m
    ON m.object_id = t.object_id
WHERE t.parent_class = 0
  AND t.is_ms_shipped = 0;`,
  reads: ["sys.triggers", "sys.sql_modules"],
  permission: "VIEW DEFINITION",
});

/** Names of sys.objects types, after the type column of "sys.objects", Microsoft Learn. */
const OBJECT_KINDS: Readonly<Record<string, string>> = {
  AF: "CLR aggregate function",
  C: "check constraint",
  D: "default constraint",
  EC: "edge constraint",
  ET: "external table",
  F: "foreign key",
  FN: "scalar function",
  FS: "CLR scalar function",
  FT: "CLR table-valued function",
  IF: "inline table-valued function",
  IT: "internal table",
  P: "stored procedure",
  PC: "CLR stored procedure",
  PG: "plan guide",
  PK: "primary key",
  R: "rule",
  RF: "replication filter procedure",
  SN: "synonym",
  SO: "sequence",
  SQ: "service queue",
  TA: "CLR trigger",
  TF: "table-valued function",
  TR: "trigger",
  TT: "table type",
  U: "table",
  UQ: "unique constraint",
  V: "view",
  X: "extended stored procedure",
};

export const objectsPart: InventoryPart = {
  name: "objects",
  title: "Objects by type, with lines of code",
  scope: "database",
  queries: [OBJECTS_BY_TYPE, DDL_TRIGGERS],

  async collect(reader): Promise<PartResult> {
    const database = reader.database;
    const items: InventoryItem[] = [];

    for (const row of await reader.all(OBJECTS_BY_TYPE)) {
      const type = requiredTextOf(row, "type");
      items.push({
        database,
        type,
        typeDesc: textOf(row, "type_desc"),
        kind: OBJECT_KINDS[type] ?? type,
        ...counts(row),
      });
    }

    const [ddl] = await reader.all(DDL_TRIGGERS);
    if (ddl !== undefined && countOf(ddl, "object_count") > 0) {
      items.push({
        database,
        type: "TR",
        typeDesc: "SQL_TRIGGER",
        kind: "database DDL trigger",
        ...counts(ddl),
      });
    }

    return { items };
  },
};

function counts(row: Row): Record<string, number> {
  return {
    count: countOf(row, "object_count"),
    // Objects of this type with T-SQL in sys.sql_modules.
    modules: countOf(row, "module_count"),
    // WITH ENCRYPTION: no definition to read, so no lines either.
    encrypted: countOf(row, "encrypted_count"),
    lines: countOf(row, "line_count"),
  };
}
