/**
 * The services part: the Windows or Linux services of this instance that
 * sys.dm_server_services lists, with their start mode and status. It
 * lists the Database Engine, SQL Server Agent and the Full-Text Filter
 * Daemon Launcher, and from SQL Server 2017 the SQL Server Launchpad
 * that Machine Learning Services runs through ("sys.dm_server_services",
 * Microsoft Learn, SQL Server 2016-2022). Analysis Services, Reporting
 * Services, Integration Services and the PolyBase services are not
 * listed there, so this part cannot see them.
 */

import { defineQuery } from "../catalog-query.js";
import type { InventoryItem } from "../collected.js";
import type { Row } from "../reader.js";
import type { InventoryPart, PartResult } from "./part.js";
import { numberOf } from "./row-numbers.js";
import { requiredTextOf, textOf } from "./row-values.js";

// service_account and filename are left out: they name accounts and
// paths of the host, which an assessment does not need.
// instant_file_initialization_enabled is left out too, because SQL Server
// 2016 RTM lacks it.
const SERVER_SERVICES = defineQuery({
  id: "inventory.server-services",
  scope: "server",
  sql: `
SELECT
    s.servicename,
    s.startup_type_desc,
    s.status_desc,
    s.process_id,
    s.last_startup_time,
    s.is_clustered
FROM sys.dm_server_services AS s
ORDER BY s.servicename;`,
  reads: ["sys.dm_server_services"],
  permission: "VIEW SERVER STATE",
});

/**
 * Service kinds by the start of the service name, as SQL Server Setup
 * names them, e.g. `SQL Server Agent (MSSQLSERVER)`. The engine's prefix
 * `SQL Server (` comes last so it is tried after the longer names.
 */
const SERVICE_KINDS: readonly (readonly [prefix: string, kind: string])[] = [
  ["SQL Server Agent (", "agent"],
  ["SQL Server Launchpad (", "launchpad"],
  ["SQL Full-text Filter Daemon Launcher (", "full-text"],
  ["SQL Server (", "engine"],
];

export const servicesPart: InventoryPart = {
  name: "services",
  title: "Services of the instance: Database Engine, Agent, Full-Text and Launchpad",
  scope: "server",
  queries: [SERVER_SERVICES],

  async collect(reader): Promise<PartResult> {
    const rows = await reader.all(SERVER_SERVICES);
    return { items: rows.map(serviceItem) };
  },
};

/** Returns `engine`, `agent`, `full-text`, `launchpad` or `other` for a service name. */
export function serviceKindOf(name: string): string {
  for (const [prefix, kind] of SERVICE_KINDS) {
    if (name.startsWith(prefix)) {
      return kind;
    }
  }
  return "other";
}

function serviceItem(row: Row): InventoryItem {
  const name = requiredTextOf(row, "servicename");
  const lastStartup = row["last_startup_time"];

  return {
    name,
    kind: serviceKindOf(name),
    // Automatic, Manual, Disabled or Other.
    startupType: textOf(row, "startup_type_desc"),
    // Running, Stopped, Paused, or Other with the pending operation.
    status: textOf(row, "status_desc"),
    processId: numberOf(row, "process_id"),
    // datetimeoffset: tedious returns a Date.
    lastStartupAt:
      lastStartup instanceof Date ? lastStartup.toISOString() : textOf(row, "last_startup_time"),
    // nvarchar(1): Y or N.
    isClustered: textOf(row, "is_clustered") === "Y",
  };
}
