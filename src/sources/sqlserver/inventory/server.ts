/**
 * The server part: version, edition, collation and the installed features
 * that SERVERPROPERTY reports. Every login can read these, so this part
 * is there even for the least privileged login.
 */

import { defineQuery } from "../catalog-query.js";
import type { InventoryItem } from "../collected.js";
import type { Row } from "../reader.js";
import type { InventoryPart, PartResult } from "./part.js";
import { numberOf } from "./row-numbers.js";
import { flagOf, requiredTextOf, textOf } from "./row-values.js";

// SERVERPROPERTY returns sql_variant, which the driver cannot always
// type, so each property is converted. Property names and values after
// "SERVERPROPERTY (Transact-SQL)", Microsoft Learn, SQL Server 2016-2022.
const SERVER_PROPERTIES = defineQuery({
  id: "inventory.server-properties",
  scope: "server",
  sql: `
SELECT
    @@SERVERNAME AS server_name,
    CONVERT(nvarchar(128), SERVERPROPERTY('MachineName')) AS machine_name,
    CONVERT(nvarchar(128), SERVERPROPERTY('InstanceName')) AS instance_name,
    CONVERT(nvarchar(128), SERVERPROPERTY('ProductVersion')) AS product_version,
    CONVERT(nvarchar(128), SERVERPROPERTY('ProductLevel')) AS product_level,
    CONVERT(nvarchar(128), SERVERPROPERTY('ProductUpdateLevel')) AS product_update_level,
    CONVERT(nvarchar(128), SERVERPROPERTY('Edition')) AS edition,
    CONVERT(int, SERVERPROPERTY('EngineEdition')) AS engine_edition,
    CONVERT(nvarchar(128), SERVERPROPERTY('Collation')) AS collation,
    CONVERT(int, SERVERPROPERTY('IsClustered')) AS is_clustered,
    CONVERT(int, SERVERPROPERTY('IsHadrEnabled')) AS is_hadr_enabled,
    CONVERT(int, SERVERPROPERTY('IsFullTextInstalled')) AS is_full_text_installed,
    CONVERT(int, SERVERPROPERTY('IsIntegratedSecurityOnly')) AS is_integrated_security_only,
    CONVERT(int, SERVERPROPERTY('IsXTPSupported')) AS is_xtp_supported,
    CONVERT(int, SERVERPROPERTY('IsPolyBaseInstalled')) AS is_polybase_installed,
    CONVERT(int, SERVERPROPERTY('FilestreamEffectiveLevel')) AS filestream_effective_level;`,
  reads: ["SERVERPROPERTY", "@@SERVERNAME"],
  // Both are readable by every login; CONNECT SQL is what every login has.
  permission: "CONNECT SQL",
});

/** SERVERPROPERTY('EngineEdition') values, after the same Microsoft Learn page. */
const ENGINE_EDITIONS: Readonly<Record<number, string>> = {
  1: "Personal or Desktop Engine",
  2: "Standard",
  3: "Enterprise",
  4: "Express",
  5: "Azure SQL Database",
  6: "Azure Synapse Analytics",
  8: "Azure SQL Managed Instance",
  9: "Azure SQL Edge",
  11: "Azure Synapse serverless SQL pool",
};

/** SERVERPROPERTY('FilestreamEffectiveLevel') values. */
const FILESTREAM_LEVELS: Readonly<Record<number, string>> = {
  0: "disabled",
  1: "T-SQL access",
  2: "T-SQL and local file system access",
  3: "T-SQL, local and remote file system access",
};

export const serverPart: InventoryPart = {
  name: "server",
  title: "Server: version, edition, collation and installed features",
  scope: "server",
  queries: [SERVER_PROPERTIES],

  async collect(reader): Promise<PartResult> {
    const rows = await reader.all(SERVER_PROPERTIES);
    return { items: rows.map(serverItem) };
  },
};

function serverItem(row: Row): InventoryItem {
  const version = textOf(row, "product_version");
  const engineEdition = numberOf(row, "engine_edition");
  const filestreamLevel = numberOf(row, "filestream_effective_level");

  return {
    name: requiredTextOf(row, "server_name"),
    machineName: textOf(row, "machine_name"),
    // NULL for the default instance.
    instanceName: textOf(row, "instance_name"),
    productVersion: version,
    majorVersion: version === null ? null : Number(version.split(".")[0]),
    productLevel: textOf(row, "product_level"),
    productUpdateLevel: textOf(row, "product_update_level"),
    edition: textOf(row, "edition"),
    engineEdition,
    engineEditionName: engineEdition === null ? null : (ENGINE_EDITIONS[engineEdition] ?? null),
    collation: textOf(row, "collation"),
    isClustered: flagOf(row, "is_clustered"),
    isHadrEnabled: flagOf(row, "is_hadr_enabled"),
    isFullTextInstalled: flagOf(row, "is_full_text_installed"),
    isIntegratedSecurityOnly: flagOf(row, "is_integrated_security_only"),
    isXtpSupported: flagOf(row, "is_xtp_supported"),
    isPolyBaseInstalled: flagOf(row, "is_polybase_installed"),
    filestreamLevel,
    filestreamLevelName:
      filestreamLevel === null ? null : (FILESTREAM_LEVELS[filestreamLevel] ?? null),
  };
}
