/**
 * The vocabulary of the inventory field policy: what redaction does with
 * one field of an inventory item. The policy itself, one table per part,
 * is in inventory-policy-server.ts and inventory-policy-database.ts.
 */

import type { InventoryItem } from "../../sources/sqlserver/collected.js";
import type { NameKind } from "./kinds.js";

export type FieldRule =
  /** Numbers, flags, dates and SQL Server's own enumerations (`ONLINE`, `SQL_USER`). */
  | "keep"
  /** Free text such as a description: replaced by {@link REDACTED_TEXT}. */
  | "text"
  /** T-SQL such as a job step's command or a CHECK definition: redacted token by token. */
  | "code"
  /**
   * A value from a set infio does not list, such as a linked server's
   * product: kept when it is in the allow-list of common values, else a
   * pseudonym.
   */
  | "value"
  /** A column or parameter type: system types stay, alias and CLR types get pseudonyms. */
  | "dataType"
  /** An object whose keys are type names and whose values are counts. */
  | "typeCounts"
  /** Agent schedule lines, `name: when`: the name gets a pseudonym, infio's words stay. */
  | "schedules"
  /** One name, or a list of names, of the kind given or computed from the item. */
  | {
      readonly name: NameKind | ((item: InventoryItem) => NameKind);
      /** Values that are keywords, not names, and stay: a stoplist `OFF`, a route `LOCAL`. */
      readonly except?: readonly string[];
    }
  /** `schema.name`, the last part of the kind given. */
  | { readonly qualified: NameKind }
  /** A nested object with rules of its own. */
  | { readonly object: FieldRules }
  /** A list of nested objects, each with these rules. */
  | { readonly list: FieldRules };

export type FieldRules = Readonly<Record<string, FieldRule>>;

/**
 * The rules of one part: one set for every item, or one per value of the
 * item's `type` field, for parts that mix items of several types.
 */
export type PartPolicy =
  | { readonly fields: FieldRules }
  | { readonly variants: Readonly<Record<string, FieldRules>> };

/** The text that replaces a free-text field. */
export const REDACTED_TEXT = "(redacted)";

/** The rule of the `database` field, which items of every part may have. */
export const DATABASE_RULE: FieldRule = { name: "database" };

/**
 * Values kept by the `value` rule and by the rule for fields the policy
 * does not list: product names and the states, recovery models and target
 * names SQL Server itself writes. Anything else in such a field could be a
 * name, so it gets a pseudonym.
 */
export const ALLOWED_VALUES: ReadonlySet<string> = new Set([
  "SQL Server",
  "ON",
  "OFF",
  "NONE",
  "ONLINE",
  "OFFLINE",
  "RESTORING",
  "RECOVERING",
  "RECOVERY_PENDING",
  "SUSPECT",
  "EMERGENCY",
  "FULL",
  "SIMPLE",
  "BULK_LOGGED",
  "ENABLED",
  "DISABLED",
  "STARTED",
  "STOPPED",
  "event_file",
  "ring_buffer",
  "histogram",
  "event_counter",
  "pair_matching",
  "etw_classic_sync_target",
  "package0.event_file",
  "package0.ring_buffer",
  "package0.histogram",
  "package0.event_counter",
  "package0.pair_matching",
  "package0.etw_classic_sync_target",
]);
