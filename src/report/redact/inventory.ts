/**
 * Redacts the live inventory by the field policy of each part. A field the
 * policy does not list, in a listed part or in a part infio does not know
 * (from a bundle of another version), goes through the fallback. It keeps
 * numbers, flags, dates and the allow-listed values and replaces every
 * other string with a pseudonym, because over-redacting is the safe error.
 */

import type { InventoryItem } from "../../sources/sqlserver/collected.js";
import { redactCodeText, type CodeContext } from "./code.js";
import { DATA_TYPES } from "./keyword-list.js";
import { DATABASE_PART_POLICIES } from "./inventory-policy-database.js";
import { SERVER_PART_POLICIES } from "./inventory-policy-server.js";
import {
  ALLOWED_VALUES,
  DATABASE_RULE,
  REDACTED_TEXT,
  type FieldRule,
  type FieldRules,
  type PartPolicy,
} from "./inventory-rules.js";
import { redactQualifiedName } from "./names.js";

/** The policy of every inventory part, by part name. */
export const PART_POLICIES: Readonly<Record<string, PartPolicy>> = {
  ...SERVER_PART_POLICIES,
  ...DATABASE_PART_POLICIES,
};

const SYSTEM_TYPES: ReadonlySet<string> = new Set(DATA_TYPES.map((t) => t.toLowerCase()));

const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ][0-9:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Field names as infio writes them; any other key might be data. */
const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export class InventoryRedactor {
  readonly #context: CodeContext;
  /** `part.field` paths that the fallback redacted, for the result. */
  readonly unlisted = new Set<string>();

  constructor(context: CodeContext) {
    this.#context = context;
  }

  redact(
    inventory: Readonly<Record<string, readonly InventoryItem[]>>,
  ): Record<string, InventoryItem[]> {
    const out: Record<string, InventoryItem[]> = {};
    for (const [part, items] of Object.entries(inventory)) {
      out[part] = items.map((item) => this.#item(part, item));
    }
    return out;
  }

  #item(part: string, item: InventoryItem): InventoryItem {
    const policy = PART_POLICIES[part];
    let rules: FieldRules | undefined;
    let where = part;
    if (policy !== undefined && "fields" in policy) {
      rules = policy.fields;
    } else if (policy !== undefined) {
      const type = String(item["type"]);
      rules = policy.variants[type];
      where = `${part}[type=${type}]`;
    }

    return this.#fields(item, rules ?? { database: DATABASE_RULE }, where, item) as InventoryItem;
  }

  #fields(
    value: Readonly<Record<string, unknown>>,
    rules: FieldRules,
    where: string,
    item: InventoryItem,
  ): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [field, fieldValue] of Object.entries(value)) {
      const rule = rules[field];
      if (rule === undefined) {
        this.unlisted.add(`${where}.${field}`);
        out[this.#fallbackKey(field)] = this.#fallback(fieldValue);
      } else {
        out[field] = this.#apply(rule, fieldValue, `${where}.${field}`, item);
      }
    }
    return out;
  }

  #apply(rule: FieldRule, value: unknown, where: string, item: InventoryItem): unknown {
    if (value === null || value === undefined) {
      return value;
    }
    if (Array.isArray(value) && !(typeof rule === "object" && "list" in rule)) {
      return value.map((element) => this.#apply(rule, element, where, item));
    }

    const { namer } = this.#context;
    if (typeof rule === "object") {
      if ("name" in rule) {
        if (typeof value !== "string") {
          return this.#fallback(value);
        }
        if (rule.except?.includes(value) === true) {
          return value;
        }
        return namer.name(value, typeof rule.name === "function" ? rule.name(item) : rule.name);
      }
      if ("qualified" in rule) {
        return typeof value === "string" ? redactQualifiedName(value, rule.qualified, namer) : this.#fallback(value);
      }
      if ("object" in rule) {
        return isRecord(value) ? this.#fields(value, rule.object, where, item) : this.#fallback(value);
      }
      if (!Array.isArray(value)) {
        return this.#fallback(value);
      }
      return value.map((element) =>
        isRecord(element) ? this.#fields(element, rule.list, where, item) : this.#fallback(element),
      );
    }

    if (rule === "keep") {
      return value;
    }
    if (rule === "typeCounts") {
      return isRecord(value) ? this.#typeCounts(value) : this.#fallback(value);
    }
    if (typeof value !== "string") {
      return this.#fallback(value);
    }
    switch (rule) {
      case "text":
        return value === "" ? value : REDACTED_TEXT;
      case "code":
        return redactCodeText(value, this.#context);
      case "value":
        return ALLOWED_VALUES.has(value) ? value : namer.name(value, "value");
      case "dataType":
        return this.#dataType(value);
      case "schedules":
        return this.#schedule(value);
    }
  }

  /** Counts by type name: two names with one pseudonym add up. */
  #typeCounts(value: Readonly<Record<string, unknown>>): Record<string, unknown> {
    const counts: Record<string, unknown> = {};
    for (const [type, count] of Object.entries(value)) {
      const name = this.#dataType(type);
      const previous = counts[name];
      counts[name] =
        typeof previous === "number" && typeof count === "number" ? previous + count : count;
    }
    return counts;
  }

  /** System types stay, with their length (`nvarchar(60)`); alias and CLR types get pseudonyms. */
  #dataType(type: string): string {
    if (type.includes(".")) {
      return redactQualifiedName(type, "type", this.#context.namer);
    }
    const base = type.replace(/\(.*$/s, "").trim().toLowerCase();
    return SYSTEM_TYPES.has(base) ? type : this.#context.namer.name(type, "type");
  }

  /** `Nightly: every day at 01:00:00`: the schedule's name, then infio's words. */
  #schedule(line: string): string {
    const colon = line.indexOf(": ");
    if (colon < 0) {
      return this.#context.namer.name(line, "schedule");
    }
    return `${this.#context.namer.name(line.slice(0, colon), "schedule")}${line.slice(colon)}`;
  }

  #fallback(value: unknown): unknown {
    if (value === null || value === undefined || typeof value === "number" || typeof value === "boolean") {
      return value;
    }
    if (typeof value === "string") {
      return ISO_DATE.test(value) || ALLOWED_VALUES.has(value)
        ? value
        : this.#context.namer.name(value, "value");
    }
    if (Array.isArray(value)) {
      return value.map((element) => this.#fallback(element));
    }
    if (isRecord(value)) {
      const out: Record<string, unknown> = {};
      for (const [key, element] of Object.entries(value)) {
        out[this.#fallbackKey(key)] = this.#fallback(element);
      }
      return out;
    }
    return null;
  }

  /** Keeps a key that reads as a field name and is no known name. */
  #fallbackKey(key: string): string {
    return FIELD_NAME.test(key) && !this.#context.namer.isKnown(key)
      ? key
      : this.#context.namer.name(key, "value");
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
