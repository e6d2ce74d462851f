/**
 * The integration-services part: SSIS packages stored in msdb (the
 * package deployment model), counted by the tool that created them.
 * Maintenance plans are SSIS packages too. Packages deployed to the SSISDB
 * catalog are in the SSISDB database, which the databases part lists;
 * packages kept in the file system are not visible from T-SQL.
 */

import { defineQuery } from "../catalog-query.js";
import type { InventoryItem } from "../collected.js";
import type { Row } from "../reader.js";
import type { InventoryPart, PartResult } from "./part.js";
import { countOf, numberOf } from "./row-numbers.js";

// packagedata, which holds the package and may hold connection strings,
// is never read. The Data Collector's own packages sit in the folder
// 'Data Collector' and are counted apart, because SQL Server installs them.
const PACKAGES = defineQuery({
  id: "inventory.ssis-packages",
  scope: "server",
  sql: `
SELECT
    p.packagetype,
    COUNT(*) AS package_count,
    SUM(CASE WHEN f.foldername = N'Data Collector' THEN 1 ELSE 0 END) AS data_collector_count
FROM msdb.dbo.sysssispackages AS p
LEFT JOIN msdb.dbo.sysssispackagefolders AS f
    ON f.folderid = p.folderid
GROUP BY p.packagetype
ORDER BY p.packagetype;`,
  reads: ["msdb.dbo.sysssispackages", "msdb.dbo.sysssispackagefolders"],
  permission: "db_datareader role in msdb",
});

/** packagetype values ("dbo.sysssispackages", Microsoft Learn). */
const PACKAGE_TYPES: Readonly<Record<number, string>> = {
  0: "default",
  1: "import and export wizard",
  3: "replication",
  5: "SSIS designer",
  6: "maintenance plan",
};

export const integrationServicesPart: InventoryPart = {
  name: "integration-services",
  title: "SSIS packages and maintenance plans stored in msdb",
  scope: "server",
  queries: [PACKAGES],

  async collect(reader): Promise<PartResult> {
    const rows = await reader.all(PACKAGES);
    return { items: rows.map(packageTypeItem) };
  },
};

function packageTypeItem(row: Row): InventoryItem {
  const packageType = numberOf(row, "packagetype");

  return {
    packageType,
    createdBy: packageType === null ? null : (PACKAGE_TYPES[packageType] ?? `type ${packageType}`),
    packages: countOf(row, "package_count"),
    dataCollectorPackages: countOf(row, "data_collector_count"),
  };
}
