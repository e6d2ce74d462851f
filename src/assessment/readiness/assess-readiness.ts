/**
 * Runs the readiness rules over a live inventory. The result is computed
 * once, when the assessment runs, and stored with it, so that `infio
 * report` shows the same items whatever thresholds it is given later.
 */

import type { LiveSource } from "../model.js";
import type { InventoryItem } from "../../sources/sqlserver/collected.js";
import {
  backupView,
  databaseView,
  tableView,
  type BackupView,
  type DatabaseView,
} from "./inventory-view.js";
import { biggestTables, tableLoad } from "./load-plan.js";
import { compareItems } from "./order.js";
import type { LoadStrategy, Readiness, ReadinessThresholds } from "./model.js";
import { tableKey, type ReadinessContext, type TargetFamily } from "./rule.js";
import { READINESS_RULES } from "./rules/index.js";
import { DEFAULT_READINESS_THRESHOLDS } from "./thresholds.js";

/** The inventory parts the rules read; a missing one is reported in `missingParts`. */
const PARTS = ["databases", "tables", "indexes", "objects", "tde", "backup-history"];

export interface ReadinessOptions {
  /** Normalised target, e.g. `babelfish@5.5` or `postgresql@17`. */
  readonly target: string;
  readonly thresholds?: ReadinessThresholds;
}

export function assessReadiness(live: LiveSource, options: ReadinessOptions): Readiness {
  const thresholds = options.thresholds ?? DEFAULT_READINESS_THRESHOLDS;
  const context = readinessContext(live, options.target, thresholds);

  const items = READINESS_RULES.flatMap((rule) => rule.check(context));
  items.sort(compareItems);

  const loads = context.tables.map((t) => tableLoad(t, thresholds));
  const strategyCounts: Record<LoadStrategy, number> = {
    "full-load": 0,
    "parallel-full-load-partitions": 0,
    "parallel-full-load-ranges": 0,
  };
  for (const load of loads) {
    strategyCounts[load.strategy]++;
  }

  return {
    target: options.target,
    thresholds,
    source: "inventory",
    items,
    biggestTables: biggestTables(loads, thresholds.biggestTables),
    strategyCounts,
    missingParts: missingParts(live),
  };
}

function readinessContext(live: LiveSource, target: string, thresholds: ReadinessThresholds): ReadinessContext {
  const part = (name: string): readonly InventoryItem[] => live.inventory[name] ?? [];

  // Only online user databases hold data to move; the collector skipped the others.
  const databases: DatabaseView[] = part("databases")
    .map(databaseView)
    .filter((d) => !d.isSystem && d.state === "ONLINE");
  const userDatabases = new Set(databases.map((d) => d.name));
  const tables = part("tables")
    .map(tableView)
    .filter((t) => userDatabases.has(t.database));

  const uniquelyIndexed = new Set<string>();
  for (const index of part("indexes")) {
    const usable =
      index["isUnique"] === true &&
      index["isFiltered"] !== true &&
      index["isDisabled"] !== true &&
      index["objectType"] === "table";
    if (usable) {
      uniquelyIndexed.add(tableKey(String(index["database"]), `${String(index["schema"])}.${String(index["object"])}`));
    }
  }

  const sequences = new Map<string, number>();
  for (const objects of part("objects")) {
    const database = String(objects["database"]);
    if (objects["type"] === "SO" && userDatabases.has(database) && typeof objects["count"] === "number") {
      sequences.set(database, objects["count"]);
    }
  }

  const tdeDatabases = new Set(
    part("tde")
      .filter((k) => k["encryptionState"] === "ENCRYPTED" || k["encryptionState"] === "ENCRYPTION_IN_PROGRESS")
      .map((k) => String(k["database"])),
  );

  let backups: Map<string, BackupView> | undefined;
  if (live.inventory["backup-history"] !== undefined) {
    backups = new Map(part("backup-history").map((item) => [String(item["database"]), backupView(item)]));
  }

  return {
    target: targetFamily(target),
    thresholds,
    tables,
    databases,
    backups,
    uniquelyIndexed,
    sequences,
    tdeDatabases,
    collectedAt: live.server.collectedAt,
  };
}

function targetFamily(target: string): TargetFamily {
  return target.startsWith("postgresql") ? "postgresql" : "babelfish";
}

/** Returns the parts the rules read that are absent or were not read in full. */
function missingParts(live: LiveSource): string[] {
  const failed = new Set(live.problems.map((p) => p.part));
  return PARTS.filter((name) => live.inventory[name] === undefined || failed.has(name));
}
