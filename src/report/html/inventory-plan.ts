/**
 * Decides what the inventory section lists: the parts in report order,
 * the problems that explain each part, the columns of each table, and how
 * many rows each part and each database gets under the page's caps.
 */

import type { LiveSource } from "../../assessment/model.js";
import type { QueryScope } from "../../sources/sqlserver/catalog-query.js";
import type {
  CollectionProblem,
  InventoryItem,
} from "../../sources/sqlserver/collected.js";
import { DATABASE_PARTS, SERVER_PARTS } from "../../sources/sqlserver/inventory/index.js";
import type { HtmlLimits } from "./limits.js";

/** The fields of a registered inventory part that the report uses. */
export interface InventoryPartInfo {
  readonly name: string;
  readonly title: string;
  readonly scope: QueryScope;
  /** Ids of the part's catalog queries; a problem may name one of them. */
  readonly queryIds: readonly string[];
}

/** Rows of one database, or of the whole part when it is not grouped. */
export interface RowGroup {
  /** Undefined for a part listed as one table. */
  readonly database: string | undefined;
  readonly total: number;
  /** The first items of the group, those the page lists. */
  readonly shown: readonly InventoryItem[];
}

export interface PartPlan {
  /** Element id of the part's `<details>`; built from its index, never its name. */
  readonly anchor: string;
  readonly name: string;
  /** The registry's title, or the name for a part the registry lacks. */
  readonly title: string;
  readonly registered: boolean;
  /** False when the inventory has no entry for the part at all. */
  readonly collected: boolean;
  readonly total: number;
  /** Columns shown, `database` first when the table has it. */
  readonly columns: readonly string[];
  /** Fields left out of the table by the column cap. */
  readonly hiddenColumns: readonly string[];
  readonly groups: readonly RowGroup[];
  /** Problems naming the part, and databases that could not be read at all. */
  readonly problems: readonly CollectionProblem[];
  /** True when a problem names the part or one of its queries. */
  readonly failed: boolean;
}

export interface InventoryPlan {
  readonly parts: readonly PartPlan[];
  /** Returns the anchor of the part a problem names, by part name or query id. */
  partAnchor(problem: CollectionProblem): string | undefined;
}

/** Returns the parts of the registry, server parts first, in collection order. */
export function registeredParts(): InventoryPartInfo[] {
  return [...SERVER_PARTS, ...DATABASE_PARTS].map((p) => ({
    name: p.name,
    title: p.title,
    scope: p.scope,
    queryIds: p.queries.map((q) => q.id),
  }));
}

/**
 * Plans the inventory: the registered parts in registry order, then parts
 * found only in the data (for example from a bundle of another infio
 * version) in data order.
 */
export function planInventory(
  live: LiveSource,
  registry: readonly InventoryPartInfo[],
  limits: HtmlLimits,
): InventoryPlan {
  const known = new Set(registry.map((p) => p.name));
  const infos: InventoryPartInfo[] = [...registry];
  for (const name of Object.keys(live.inventory)) {
    if (!known.has(name)) {
      infos.push({ name, title: name, scope: "server", queryIds: [] });
    }
  }

  const anchorByName = new Map<string, string>();
  infos.forEach((info, index) => {
    anchorByName.set(info.name, `inv-${index}`);
    for (const id of info.queryIds) {
      anchorByName.set(id, `inv-${index}`);
    }
  });

  const layouts = infos.map((info) => layoutPart(info, live, limits));
  const demands = layouts.map(
    (l) => Math.min(l.items.length, limits.inventoryRowsPerPart) * l.columnCount,
  );
  const cellShares = fairShares(demands, limits.inventoryCells);

  const parts = infos.map((info, index): PartPlan => {
    const layout = layouts[index]!;
    const rows = Math.floor(cellShares[index]! / layout.columnCount);
    return {
      anchor: `inv-${index}`,
      name: info.name,
      title: info.title,
      registered: known.has(info.name),
      collected: Object.hasOwn(live.inventory, info.name),
      total: layout.items.length,
      columns: layout.columns,
      hiddenColumns: layout.hiddenColumns,
      groups: rowGroups(layout.items, layout.grouped, rows),
      problems: live.problems.filter(
        (p) => namesPart(p, info) || lostDatabase(p, info),
      ),
      failed: live.problems.some((p) => namesPart(p, info)),
    };
  });

  return {
    parts,
    partAnchor: (problem) => anchorByName.get(problem.part),
  };
}

interface PartLayout {
  readonly items: readonly InventoryItem[];
  readonly grouped: boolean;
  readonly columns: readonly string[];
  readonly hiddenColumns: readonly string[];
  /** Cells per row, at least 1 so that a row always costs something. */
  readonly columnCount: number;
}

/**
 * Lays out one part. Database-scope parts of the registry are grouped by
 * database, so their tables leave the `database` field to the heading.
 */
function layoutPart(
  info: InventoryPartInfo,
  live: LiveSource,
  limits: HtmlLimits,
): PartLayout {
  // hasOwn, so a part named like an Object.prototype member reads as absent.
  const items = Object.hasOwn(live.inventory, info.name)
    ? live.inventory[info.name]!
    : [];
  const grouped = info.scope === "database";

  const keys = new Set<string>();
  for (const item of items) {
    for (const key of Object.keys(item)) {
      keys.add(key);
    }
  }

  const hasDatabase = keys.delete("database");
  const ordered = [...keys];
  if (hasDatabase && !grouped) {
    ordered.unshift("database");
  }

  const columns = ordered.slice(0, limits.inventoryColumns);
  return {
    items,
    grouped,
    columns,
    hiddenColumns: ordered.slice(columns.length),
    columnCount: Math.max(columns.length, 1),
  };
}

/**
 * Splits a part's items into row groups and shares `rows` among them. An
 * item without a database in a grouped part goes to a group of its own
 * that comes first.
 */
function rowGroups(
  items: readonly InventoryItem[],
  grouped: boolean,
  rows: number,
): RowGroup[] {
  if (!grouped) {
    return [{ database: undefined, total: items.length, shown: items.slice(0, rows) }];
  }

  const byDatabase = new Map<string | undefined, InventoryItem[]>();
  if (items.some((item) => typeof item.database !== "string")) {
    byDatabase.set(undefined, []);
  }
  for (const item of items) {
    const database = typeof item.database === "string" ? item.database : undefined;
    let list = byDatabase.get(database);
    if (list === undefined) {
      list = [];
      byDatabase.set(database, list);
    }
    list.push(item);
  }

  const lists = [...byDatabase.entries()];
  const shares = fairShares(
    lists.map(([, list]) => list.length),
    rows,
  );
  return lists.map(([database, list], index) => ({
    database,
    total: list.length,
    shown: list.slice(0, shares[index]),
  }));
}

function namesPart(p: CollectionProblem, info: InventoryPartInfo): boolean {
  return p.part === info.name || info.queryIds.includes(p.part);
}

/** Tells whether a whole database that a database-scope part reads was lost. */
function lostDatabase(p: CollectionProblem, info: InventoryPartInfo): boolean {
  return (
    info.scope === "database" &&
    p.database !== undefined &&
    p.reason === "database-unavailable"
  );
}

/**
 * Splits `budget` among `demands` max-min fairly: demands under an equal
 * share are met in full, and the larger ones share the rest equally. The
 * shares are whole numbers and never exceed their demand.
 */
export function fairShares(demands: readonly number[], budget: number): number[] {
  const shares = demands.map(() => 0);
  const smallestFirst = demands
    .map((_, index) => index)
    .sort((x, y) => demands[x]! - demands[y]! || x - y);

  let remaining = Math.max(budget, 0);
  let left = smallestFirst.length;
  for (const index of smallestFirst) {
    const share = Math.min(demands[index]!, Math.floor(remaining / left));
    shares[index] = share;
    remaining -= share;
    left--;
  }

  return shares;
}
