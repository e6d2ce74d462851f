/**
 * User-defined CLR assemblies of a database: permission set, how many
 * procedures, functions, aggregates and triggers and how many types each
 * one implements, and, on SQL Server 2017 and later, whether the assembly
 * is on the server's trusted list. The server options 'clr enabled' and
 * 'clr strict security' are in the configuration part.
 */

import { defineQuery } from "../catalog-query.js";
import type { InventoryItem } from "../collected.js";
import type { Row } from "../reader.js";
import type { InventoryPart, PartContext, PartResult } from "./part.js";
import { countOf, numberOf } from "./row-numbers.js";
import { dateOf, flagOf, requiredTextOf, textOf } from "./row-values.js";

// is_user_defined = 0 marks assemblies shipped with SQL Server, such as
// Microsoft.SqlServer.Types for hierarchyid (Microsoft Learn,
// sys.assemblies). sys.assembly_modules has one row per CLR procedure,
// function, aggregate or trigger, and sys.assembly_types one per CLR type.
const ASSEMBLIES = defineQuery({
  id: "inventory.clr-assemblies",
  scope: "database",
  sql: `
SELECT
    a.assembly_id,
    a.name,
    a.permission_set_desc,
    a.clr_name,
    a.is_visible,
    (SELECT COUNT(*) FROM sys.assembly_modules AS am WHERE am.assembly_id = a.assembly_id) AS module_count,
    (SELECT COUNT(*) FROM sys.assembly_types AS t WHERE t.assembly_id = a.assembly_id) AS type_count,
    a.create_date,
    a.modify_date
FROM sys.assemblies AS a
WHERE a.is_user_defined = 1
ORDER BY a.name;`,
  reads: ["sys.assemblies", "sys.assembly_modules", "sys.assembly_types"],
  permission: "VIEW DEFINITION",
});

// With 'clr strict security' (SQL Server 2017 and later) every assembly,
// SAFE ones too, loads only when signed or listed in sys.trusted_assemblies
// by the SHA2_512 hash of its content (Microsoft Learn,
// sys.trusted_assemblies). File 1 of an assembly is its DLL
// (sys.assembly_files). The view does not exist on SQL Server 2016.
const TRUSTED_ASSEMBLIES = defineQuery({
  id: "inventory.clr-trusted-assemblies",
  scope: "database",
  minVersion: 14,
  sql: `
SELECT
    a.assembly_id,
    CAST(CASE
        WHEN EXISTS (
            SELECT 1
            FROM sys.trusted_assemblies AS ta
            WHERE ta.hash = HASHBYTES('SHA2_512', af.content)
        ) THEN 1
        ELSE 0
    END AS bit) AS is_trusted
FROM sys.assemblies AS a
JOIN sys.assembly_files AS af
    ON af.assembly_id = a.assembly_id
   AND af.file_id = 1
WHERE a.is_user_defined = 1
ORDER BY a.assembly_id;`,
  reads: ["sys.assemblies", "sys.assembly_files", "sys.trusted_assemblies"],
  permission: "VIEW ANY DEFINITION",
});

export const clrAssembliesPart: InventoryPart = {
  name: "clr-assemblies",
  title: "CLR assemblies",
  scope: "database",
  queries: [ASSEMBLIES, TRUSTED_ASSEMBLIES],

  async collect(reader, context: PartContext): Promise<PartResult> {
    const assemblies = await reader.all(ASSEMBLIES);
    if (assemblies.length === 0) {
      return { items: [] };
    }

    let trusted: Map<unknown, boolean | null> | undefined;
    if (context.majorVersion >= (TRUSTED_ASSEMBLIES.minVersion ?? 0)) {
      trusted = new Map();
      for (const row of await reader.all(TRUSTED_ASSEMBLIES)) {
        trusted.set(numberOf(row, "assembly_id"), flagOf(row, "is_trusted"));
      }
    }

    const items = assemblies.map((row) => assemblyItem(reader.database, row, trusted));
    return { items };
  },
};

/**
 * `isTrusted` is null before SQL Server 2017, where no trusted list
 * exists and CLR security follows the permission set alone.
 */
function assemblyItem(
  database: string,
  row: Row,
  trusted: ReadonlyMap<unknown, boolean | null> | undefined,
): InventoryItem {
  return {
    database,
    name: requiredTextOf(row, "name"),
    permissionSet: textOf(row, "permission_set_desc"),
    modules: countOf(row, "module_count"),
    types: countOf(row, "type_count"),
    isTrusted: trusted === undefined ? null : (trusted.get(numberOf(row, "assembly_id")) ?? false),
    isVisible: flagOf(row, "is_visible"),
    clrName: textOf(row, "clr_name"),
    createDate: dateOf(row, "create_date"),
    modifyDate: dateOf(row, "modify_date"),
  };
}
