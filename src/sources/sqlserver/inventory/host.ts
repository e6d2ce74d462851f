/**
 * The host part: CPUs, memory and the operating system, from the SQLOS
 * dynamic management views. They need VIEW SERVER STATE, so they are a
 * part apart from the server part, which every login can read.
 */

import type { InventoryItem } from "../collected.js";
import type { Row } from "../reader.js";
import type { InventoryPart, PartResult } from "./part.js";
import { numberOf } from "./row-numbers.js";
import { dateOf, textOf } from "./row-values.js";
import { columnSince, defineVersionedQueries, queryForVersion } from "./versioned.js";

// socket_count, cores_per_socket, numa_node_count and sql_memory_model_desc
// exist from SQL Server 2016 SP2 and 2017 on ("sys.dm_os_sys_info",
// Microsoft Learn). The 2016 variant leaves them NULL, so an RTM or SP1
// server is never sent a column it lacks.
const RESOURCES = defineVersionedQueries({
  id: "inventory.host-resources",
  scope: "server",
  versions: [13, 14],
  reads: ["sys.dm_os_sys_info", "sys.dm_os_sys_memory"],
  permission: "VIEW SERVER STATE",
  sql: (version) => `
SELECT
    i.cpu_count,
    i.hyperthread_ratio,
    ${columnSince(version, 14, "i.socket_count", "int")},
    ${columnSince(version, 14, "i.cores_per_socket", "int")},
    ${columnSince(version, 14, "i.numa_node_count", "int")},
    i.physical_memory_kb,
    i.committed_target_kb,
    ${columnSince(version, 14, "i.sql_memory_model_desc", "nvarchar(120)")},
    i.virtual_machine_type_desc,
    i.sqlserver_start_time,
    m.total_physical_memory_kb,
    m.available_physical_memory_kb,
    m.system_memory_state_desc
FROM sys.dm_os_sys_info AS i
CROSS JOIN sys.dm_os_sys_memory AS m;`,
});

// sys.dm_os_host_info exists from SQL Server 2017, the first release on
// Linux. SQL Server 2016 runs on Windows only; sys.dm_os_windows_info
// gives the same facts there.
const OPERATING_SYSTEM = defineVersionedQueries({
  id: "inventory.host-os",
  scope: "server",
  versions: [13, 14],
  reads: (version) => [version >= 14 ? "sys.dm_os_host_info" : "sys.dm_os_windows_info"],
  permission: "VIEW SERVER STATE",
  sql: (version) =>
    version >= 14
      ? `
SELECT
    h.host_platform,
    h.host_distribution,
    h.host_release,
    h.host_service_pack_level,
    h.host_sku,
    h.os_language_version
FROM sys.dm_os_host_info AS h;`
      : `
SELECT
    N'Windows' AS host_platform,
    CAST(NULL AS nvarchar(256)) AS host_distribution,
    w.windows_release AS host_release,
    w.windows_service_pack_level AS host_service_pack_level,
    w.windows_sku AS host_sku,
    w.os_language_version
FROM sys.dm_os_windows_info AS w;`,
});

export const hostPart: InventoryPart = {
  name: "host",
  title: "Host: CPUs, memory and operating system",
  scope: "server",
  queries: [...RESOURCES, ...OPERATING_SYSTEM],

  async collect(reader, context): Promise<PartResult> {
    const resources = await reader.all(queryForVersion(RESOURCES, context.majorVersion));
    const system = await reader.all(queryForVersion(OPERATING_SYSTEM, context.majorVersion));

    const resourceRow = resources[0];
    const systemRow = system[0];
    if (resourceRow === undefined) {
      return { items: [] };
    }
    return { items: [hostItem(resourceRow, systemRow)] };
  },
};

function hostItem(resources: Row, system: Row | undefined): InventoryItem {
  return {
    cpuCount: numberOf(resources, "cpu_count"),
    hyperthreadRatio: numberOf(resources, "hyperthread_ratio"),
    socketCount: numberOf(resources, "socket_count"),
    coresPerSocket: numberOf(resources, "cores_per_socket"),
    numaNodeCount: numberOf(resources, "numa_node_count"),
    physicalMemoryMb: kbToMb(numberOf(resources, "physical_memory_kb")),
    availableMemoryMb: kbToMb(numberOf(resources, "available_physical_memory_kb")),
    committedTargetMb: kbToMb(numberOf(resources, "committed_target_kb")),
    memoryState: textOf(resources, "system_memory_state_desc"),
    memoryModel: textOf(resources, "sql_memory_model_desc"),
    virtualMachineType: textOf(resources, "virtual_machine_type_desc"),
    startedAt: dateOf(resources, "sqlserver_start_time"),
    platform: system === undefined ? null : textOf(system, "host_platform"),
    distribution: system === undefined ? null : textOf(system, "host_distribution"),
    release: system === undefined ? null : textOf(system, "host_release"),
    servicePackLevel: system === undefined ? null : textOf(system, "host_service_pack_level"),
    sku: system === undefined ? null : numberOf(system, "host_sku"),
    osLanguageVersion: system === undefined ? null : numberOf(system, "os_language_version"),
  };
}

function kbToMb(kb: number | null): number | null {
  return kb === null ? null : Math.round(kb / 1024);
}
