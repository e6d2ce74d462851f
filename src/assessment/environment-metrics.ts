/**
 * The environment metrics of an application, computed from the live
 * inventories of its servers: instance counts by environment, CPUs and
 * memory of the hosts, the size of the assessed databases' files, and the
 * availability group replicas. A metric is left out when no server's
 * inventory contains what it needs (for example, VIEW SERVER STATE was
 * missing for the host part), so that an unread value never shows as 0.
 */

import type { LiveSource } from "./model.js";
import type { Environment, MetricName } from "../store/application-model.js";

/** One live server read in a run, with the scope its databases were chosen by. */
export interface ReadServer {
  readonly assessmentId: string;
  readonly environment: Environment;
  readonly live: LiveSource;
  /** The server's database filter: included (empty for all), excluded, and system databases. */
  readonly databases: readonly string[];
  readonly excludedDatabases: readonly string[];
  readonly includeSystemDatabases: boolean;
}

/** A metric value with the assessments whose inventory gave it. */
export interface InventoryMetric {
  readonly name: MetricName;
  readonly value: number;
  readonly assessments: readonly string[];
}

const HOST_PART = "host";
const DATABASES_PART = "databases";
const FILES_PART = "database-files";
const GROUPS_PART = "availability-groups";

/** Computes the metrics the inventories of `servers` give, in METRICS order. */
export function inventoryMetrics(servers: readonly ReadServer[]): InventoryMetric[] {
  if (servers.length === 0) {
    return [];
  }
  const all = servers.map((s) => s.assessmentId);
  const metrics: InventoryMetric[] = [
    { name: "production-instances", value: servers.filter((s) => s.environment === "production").length, assessments: all },
    {
      name: "non-production-instances",
      value: servers.filter((s) => s.environment === "non-production").length,
      assessments: all,
    },
  ];

  // sys.dm_os_sys_info.cpu_count is the number of logical CPUs on the
  // host, and physical_memory_kb its physical memory (Microsoft Learn,
  // "sys.dm_os_sys_info", SQL Server 2016 to 2022). The host part keeps
  // them as cpuCount and physicalMemoryMb.
  pushSum(metrics, "cpu-cores", servers, (s) => numberField(firstItem(s.live, HOST_PART), "cpuCount"));
  pushSum(metrics, "memory-mb", servers, (s) => numberField(firstItem(s.live, HOST_PART), "physicalMemoryMb"));
  pushSum(metrics, "storage-mb", servers, storageOf);

  const replicas = servers.filter((s) => partWasRead(s.live, GROUPS_PART));
  if (replicas.length > 0) {
    const ids = replicas.map((s) => s.assessmentId);
    metrics.push({ name: "primary-replicas", value: countReplicas(replicas, "PRIMARY"), assessments: ids });
    metrics.push({ name: "secondary-replicas", value: countReplicas(replicas, "SECONDARY"), assessments: ids });
  }
  return metrics;
}

function pushSum(
  metrics: InventoryMetric[],
  name: MetricName,
  servers: readonly ReadServer[],
  valueOf: (server: ReadServer) => number | undefined,
): void {
  let sum = 0;
  const assessments: string[] = [];
  for (const server of servers) {
    const value = valueOf(server);
    if (value !== undefined) {
      sum += value;
      assessments.push(server.assessmentId);
    }
  }
  if (assessments.length > 0) {
    metrics.push({ name, value: sum, assessments });
  }
}

/** Sums the file sizes of the databases the server's filter selects; undefined without both parts. */
function storageOf(server: ReadServer): number | undefined {
  const files = server.live.inventory[FILES_PART];
  const databases = server.live.inventory[DATABASES_PART];
  if (files === undefined || files.length === 0 || databases === undefined) {
    return undefined;
  }

  const selected = selectedDatabases(server, databases);
  let sum = 0;
  for (const file of files) {
    const database = textField(file, "database");
    const size = numberField(file, "sizeMb");
    if (database !== undefined && size !== undefined && selected.has(database.toLowerCase())) {
      sum += size;
    }
  }
  return sum;
}

/** Returns the lower-case names of the databases the server's filter selects, as the collector does. */
function selectedDatabases(server: ReadServer, databases: readonly unknown[]): Set<string> {
  const included = new Set(server.databases.map((d) => d.toLowerCase()));
  const excluded = new Set(server.excludedDatabases.map((d) => d.toLowerCase()));
  const selected = new Set<string>();
  for (const item of databases) {
    const name = textField(item, "name")?.toLowerCase();
    if (name === undefined || name === "tempdb" || excluded.has(name)) {
      continue;
    }
    const isSystem = (item as { isSystem?: unknown }).isSystem === true;
    const chosen = included.size > 0 ? included.has(name) : server.includeSystemDatabases || !isSystem;
    if (chosen) {
      selected.add(name);
    }
  }
  return selected;
}

/** Counts distinct replica servers in `role` across the servers' availability groups. */
function countReplicas(servers: readonly ReadServer[], role: string): number {
  const names = new Set<string>();
  for (const server of servers) {
    for (const group of server.live.inventory[GROUPS_PART] ?? []) {
      const replicas = (group as { replicas?: unknown }).replicas;
      for (const replica of Array.isArray(replicas) ? replicas : []) {
        const name = textField(replica, "server");
        if (name !== undefined && textField(replica, "role") === role) {
          names.add(name.toLowerCase());
        }
      }
    }
  }
  return names.size;
}

/** True when the part was read: it has items, or it has none and no problem was recorded for it. */
function partWasRead(live: LiveSource, part: string): boolean {
  if ((live.inventory[part]?.length ?? 0) > 0) {
    return true;
  }
  return !live.problems.some((p) => p.part === part || p.part.startsWith(`inventory.${part}`));
}

function firstItem(live: LiveSource, part: string): unknown {
  return live.inventory[part]?.[0];
}

function numberField(item: unknown, field: string): number | undefined {
  const value = (item as Record<string, unknown> | undefined)?.[field];
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

function textField(item: unknown, field: string): string | undefined {
  const value = (item as Record<string, unknown> | undefined)?.[field];
  return typeof value === "string" ? value : undefined;
}
