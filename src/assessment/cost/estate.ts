/**
 * Sizes the estate from a live server's inventory (the server, host,
 * database-files and availability-groups parts) and merges the figures
 * that the config file or measured metrics give, which win.
 */

import type { InventoryItem } from "../../sources/sqlserver/collected.js";
import type { EstateFieldSource, EstateMetrics, SqlServerEdition } from "./model.js";

/** System databases hold no application data to migrate. */
const SYSTEM_DATABASES = new Set(["master", "model", "msdb", "tempdb"]);

/** Data file types that hold table data; LOG files are left out because the target keeps its own log. */
const DATA_FILE_TYPES = new Set(["ROWS", "FILESTREAM"]);

/** An estate with the source of each field. */
export interface SizedEstate {
  readonly estate: EstateMetrics;
  readonly sources: Partial<Record<keyof EstateMetrics, EstateFieldSource>>;
}

/**
 * Reads the estate figures from the inventory. Fields the inventory lacks,
 * because a part was not read or a column was NULL, stay absent.
 */
export function estateFromInventory(inventory: Readonly<Record<string, readonly InventoryItem[]>>): EstateMetrics {
  const server = inventory["server"]?.[0];
  const host = inventory["host"]?.[0];
  const files = inventory["database-files"];
  const groups = inventory["availability-groups"];

  const edition = server === undefined ? undefined : editionOf(server);
  const version = server === undefined ? undefined : textField(server, "productVersion");
  const vCpus = host === undefined ? undefined : numberField(host, "cpuCount");
  const cores = host === undefined ? undefined : licensedCores(host);
  const memoryMb = host === undefined ? undefined : numberField(host, "physicalMemoryMb");
  const storageGiB = files === undefined || files.length === 0 ? undefined : dataStorageGiB(files);
  const replicas = groups === undefined ? undefined : replicaCounts(groups);

  return {
    ...(edition === undefined ? {} : { edition }),
    ...(version === undefined ? {} : { version }),
    ...(cores === undefined ? {} : { cores }),
    ...(vCpus === undefined ? {} : { vCpus }),
    ...(memoryMb === undefined ? {} : { memoryGiB: Math.ceil(memoryMb / 1024) }),
    ...(storageGiB === undefined ? {} : { storageGiB }),
    ...(replicas === undefined ? {} : replicas),
  };
}

/**
 * Merges the estate layers in order; a later layer's field replaces an
 * earlier one's, and the sources record which layer each field came from.
 */
export function mergeEstate(
  layers: readonly { readonly source: EstateFieldSource; readonly estate: EstateMetrics }[],
): SizedEstate {
  const estate: Record<string, unknown> = {};
  const sources: Record<string, EstateFieldSource> = {};
  for (const layer of layers) {
    for (const [field, value] of Object.entries(layer.estate)) {
      if (value !== undefined) {
        estate[field] = value;
        sources[field] = layer.source;
      }
    }
  }
  return { estate: estate as EstateMetrics, sources };
}

/**
 * Maps SERVERPROPERTY('Edition') to an edition. Developer and Evaluation
 * report engine edition 3 like Enterprise, so the text is read first.
 */
function editionOf(server: InventoryItem): SqlServerEdition | undefined {
  const text = (textField(server, "edition") ?? "").toLowerCase();
  const checks: readonly [string, SqlServerEdition][] = [
    ["developer", "developer"],
    ["evaluation", "evaluation"],
    ["express", "express"],
    ["web", "web"],
    ["enterprise", "enterprise"],
    ["standard", "standard"],
  ];
  return checks.find(([word]) => text.includes(word))?.[1];
}

/**
 * Cores to license. A virtual machine is licensed by its virtual cores,
 * which SQL Server sees as logical processors (cpu_count). A physical host
 * is licensed by its physical cores, sockets times cores per socket,
 * because hyperthreads need no licence; cpu_count is the fallback when
 * SQL Server before 2016 SP2 leaves those NULL.
 */
function licensedCores(host: InventoryItem): number | undefined {
  const cpuCount = numberField(host, "cpuCount");
  const virtual = (textField(host, "virtualMachineType") ?? "NONE").toUpperCase() !== "NONE";
  if (virtual) {
    return cpuCount;
  }

  const sockets = numberField(host, "socketCount");
  const perSocket = numberField(host, "coresPerSocket");
  if (sockets !== undefined && perSocket !== undefined) {
    return sockets * perSocket;
  }
  return cpuCount;
}

/**
 * Sums the ONLINE data files of the user databases, in GiB rounded up.
 * Databases offline or restoring are often standby copies, so they are
 * left out; `cost.estate.storageGiB` replaces the figure when they count.
 */
function dataStorageGiB(files: readonly InventoryItem[]): number {
  let mb = 0;
  for (const file of files) {
    const database = (textField(file, "database") ?? "").toLowerCase();
    const type = textField(file, "type") ?? "";
    const state = textField(file, "state") ?? "ONLINE";
    if (SYSTEM_DATABASES.has(database) || !DATA_FILE_TYPES.has(type) || state !== "ONLINE") {
      continue;
    }
    mb += numberField(file, "sizeMb") ?? 0;
  }
  return Math.ceil(mb / 1024);
}

/**
 * Counts the replicas of the largest availability group; a server without
 * one has a single replica. A secondary that allows no connections
 * (secondary_role_allow_connections NO) is passive.
 */
function replicaCounts(groups: readonly InventoryItem[]): Pick<EstateMetrics, "replicas" | "passiveReplicas"> {
  let replicas = 1;
  let passiveReplicas = 0;
  for (const group of groups) {
    const list = Array.isArray(group["replicas"]) ? (group["replicas"] as InventoryItem[]) : [];
    if (list.length <= replicas) {
      continue;
    }
    replicas = list.length;
    passiveReplicas = list.filter(
      (r) => textField(r, "role") !== "PRIMARY" && textField(r, "secondaryRoleConnections") === "NO",
    ).length;
  }
  return { replicas, passiveReplicas };
}

function textField(item: InventoryItem, field: string): string | undefined {
  const value = item[field];
  return typeof value === "string" ? value : undefined;
}

function numberField(item: InventoryItem, field: string): number | undefined {
  const value = item[field];
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}
