/**
 * Read access to a live source's inventory for the feature rules. It
 * records which parts a rule consulted, so the evaluation can tell a
 * negative state resting on a part that could not be read from one
 * resting on complete data.
 */

import type { LiveSource } from "../../assessment/model.js";
import type { InventoryItem } from "../../sources/sqlserver/collected.js";

/** The part name the collector gives a database it skipped. */
const DATABASE_PROBLEM_PART = "database";

export class InventoryView {
  private readonly consulted = new Set<string>();

  constructor(private readonly live: LiveSource) {}

  /** Returns the part's items, none when the part is absent, and notes the part as consulted. */
  items(part: string): readonly InventoryItem[] {
    this.consulted.add(part);
    return this.live.inventory[part] ?? [];
  }

  /** Returns the items of `part` whose `type` field equals `type`. */
  itemsOfType(part: string, type: string): readonly InventoryItem[] {
    return this.items(part).filter((item) => item["type"] === type);
  }

  /** Returns the first item of a one-row part such as `server`, or undefined. */
  first(part: string): InventoryItem | undefined {
    return this.items(part)[0];
  }

  /** Returns the configured value of a sys.configurations option, or undefined when not read. */
  configuration(name: string): number | undefined {
    const option = this.items("configuration").find((item) => item["name"] === name);
    const value = option?.["value"];
    return typeof value === "number" ? value : undefined;
  }

  /** Returns the parts consulted since the last call, and starts a new record. */
  takeConsulted(): string[] {
    const parts = [...this.consulted];
    this.consulted.clear();
    return parts;
  }

  /**
   * Returns why `part` is incomplete: the message of its problem (failed
   * in every database, or on the server), the permission the login lacks
   * for it, or that the assessment has no such part. Returns undefined
   * when the part was read in full.
   */
  unreadReason(part: string): string | undefined {
    const problem = this.live.problems.find((p) => p.part === part);
    if (problem !== undefined) {
      return problem.message;
    }

    if (this.isIncomplete(part)) {
      const missing = this.live.problems.find(
        (p) => p.reason === "permission-missing" && incompletePartsOf(p.message).includes(part),
      );
      return missing?.message ?? `the login lacks a permission that part '${part}' needs`;
    }

    if (this.live.inventory[part] === undefined) {
      return `part '${part}' is not in this assessment; collect the server again with this version of infio`;
    }
    return undefined;
  }

  /** Describes each database the collector skipped, with the reason. */
  skippedDatabases(): string[] {
    return this.live.problems
      .filter((p) => p.part === DATABASE_PROBLEM_PART && p.database !== undefined)
      .map((p) => `database '${p.database}' was not read: ${p.reason}`);
  }

  private isIncomplete(part: string): boolean {
    return (this.live.inventory["permissions"] ?? []).some((item) => {
      const parts = item["incompleteParts"];
      return Array.isArray(parts) && parts.includes(part);
    });
  }
}

/**
 * Returns the parts a `permission-missing` problem names, from its
 * message `..., so these parts will be incomplete: a, b; ...`.
 */
function incompletePartsOf(message: string): string[] {
  const list = /parts will be incomplete: ([^;]+);/.exec(message)?.[1];
  return list === undefined ? [] : list.split(", ");
}

/** Returns the item's field when it is a number, else 0. */
export function numberField(item: InventoryItem | undefined, field: string): number {
  const value = item?.[field];
  return typeof value === "number" ? value : 0;
}

/** Returns true when the item's field is true. */
export function isTrue(item: InventoryItem | undefined, field: string): boolean {
  return item?.[field] === true;
}

/** Returns the sorted distinct `database` fields of the items. */
export function databasesOf(items: readonly InventoryItem[]): string[] {
  const names = new Set<string>();
  for (const item of items) {
    if (typeof item.database === "string") {
      names.add(item.database);
    }
  }
  return [...names].sort((a, b) => a.localeCompare(b));
}

/** Adds up a numeric field over the items. */
export function sumOf(items: readonly InventoryItem[], field: string): number {
  return items.reduce((total, item) => total + numberField(item, field), 0);
}
