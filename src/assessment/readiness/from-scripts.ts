/**
 * Readiness derived from scripts: the table and column rules run over
 * what the analysis found inside each CREATE TABLE (column types,
 * identity, computed and sparse columns, FILESTREAM, system versioning,
 * memory-optimized tables, keys). Scripts have no row counts, sizes or
 * database options, so the database rules and the parallel-load advice
 * need a live server or a bundle.
 */

import type { AssessedObject, Finding } from "../model.js";
import type { NotableColumn, TableView } from "./inventory-view.js";
import type { LoadStrategy, Readiness, ReadinessItem, ReadinessThresholds } from "./model.js";
import { tableKey, type ReadinessContext, type ReadinessRule, type TargetFamily } from "./rule.js";
import { READINESS_RULES } from "./rules/index.js";
import { compareItems } from "./order.js";
import { DEFAULT_READINESS_THRESHOLDS } from "./thresholds.js";

/** Parts of a live inventory that scripts cannot stand in for, reported as missing. */
const SCRIPT_GAPS = ["databases", "backup-history", "tde", "table sizes"];

/** Column features by the data type that a datatype.* finding's message names. */
const TYPE_FEATURES: Readonly<Record<string, readonly string[]>> = {
  sql_variant: ["sql-variant"],
  hierarchyid: ["clr-type"],
  geometry: ["clr-type"],
  geography: ["clr-type"],
  rowversion: ["rowversion"],
  timestamp: ["rowversion"],
  text: ["deprecated-lob"],
  ntext: ["deprecated-lob"],
  image: ["deprecated-lob"],
  xml: ["lob", "xml"],
};

const KEY_FEATURES = new Set(["ddl.constraint.primary_key", "ddl.constraint.unique", "ddl.index.unique"]);

export interface ScriptReadinessOptions {
  readonly target: string;
  readonly thresholds?: ReadinessThresholds;
}

export function assessScriptReadiness(
  objects: readonly AssessedObject[],
  findings: readonly Finding[],
  options: ScriptReadinessOptions,
): Readiness | undefined {
  const tables = new Map<string, ScriptTable>();
  for (const o of objects) {
    // Temporary tables (#name) exist only for a session, so there is no data to move.
    if (o.type === "table" && !/(^|\.)#/.test(o.name)) {
      tables.set(o.name, new ScriptTable(o.name));
    }
  }
  if (tables.size === 0) {
    return undefined;
  }

  // A key added by ALTER TABLE or CREATE UNIQUE INDEX has a finding that
  // names no table. With one in the scripts, no table is reported as keyless.
  let unplacedKey = false;
  for (const f of findings) {
    const table = tables.get(f.object);
    if (table !== undefined) {
      table.add(f);
    } else if (f.object === "" && KEY_FEATURES.has(f.featureId)) {
      unplacedKey = true;
    }
  }

  const views = [...tables.values()].map((t) => t.view());
  const thresholds = options.thresholds ?? DEFAULT_READINESS_THRESHOLDS;
  const context: ReadinessContext = {
    target: options.target.startsWith("postgresql") ? ("postgresql" as TargetFamily) : "babelfish",
    thresholds,
    tables: views,
    databases: [],
    backups: undefined,
    uniquelyIndexed: new Set(views.filter((v) => tables.get(v.name)?.unique === true).map((v) => tableKey("", v.name))),
    sequences: new Map(),
    tdeDatabases: new Set(),
    collectedAt: "",
  };

  const rules = READINESS_RULES.filter((rule) => !(unplacedKey && rule.id === "readiness.table.no-key"));
  const items = tableLevel(rules.flatMap((rule: ReadinessRule) => rule.check(context)));
  items.sort(compareItems);

  const strategyCounts: Record<LoadStrategy, number> = {
    "full-load": views.length,
    "parallel-full-load-partitions": 0,
    "parallel-full-load-ranges": 0,
  };
  return {
    target: options.target,
    thresholds,
    source: "scripts",
    items,
    biggestTables: [],
    strategyCounts,
    missingParts: unplacedKey ? [...SCRIPT_GAPS, "table keys"] : SCRIPT_GAPS,
  };
}

/**
 * Returns the items at table level and without a database: findings name
 * no column, so the items of one rule and table become one, with the
 * distinct evidence of its columns joined.
 */
function tableLevel(items: readonly ReadinessItem[]): ReadinessItem[] {
  const byId = new Map<string, { item: ReadinessItem; evidence: Set<string> }>();
  for (const item of items) {
    const isColumn = item.objectType === "column" && item.object !== null;
    const object = isColumn ? item.object!.slice(0, item.object!.lastIndexOf(".")) : item.object;
    const id = object === null ? item.rule : `${item.rule}:${object}`;
    const found = byId.get(id);
    if (found !== undefined) {
      found.evidence.add(item.evidence);
      continue;
    }
    const objectType = isColumn ? ("table" as const) : item.objectType;
    byId.set(id, { item: { ...item, id, database: null, object, objectType }, evidence: new Set([item.evidence]) });
  }
  return [...byId.values()].map(({ item, evidence }) => ({ ...item, evidence: [...evidence].join("; ") }));
}

/** The columns, keys and options that the findings inside one CREATE TABLE show. */
class ScriptTable {
  readonly columns: NotableColumn[] = [];
  readonly columnTypes: Record<string, number> = {};
  identity = 0;
  computed = 0;
  sparse = 0;
  filestream = 0;
  lob = 0;
  primaryKey = false;
  unique = false;
  temporal = false;
  memoryOptimized = false;
  columnstore = false;

  constructor(readonly name: string) {}

  add(f: Finding): void {
    const type = /^data type ([A-Za-z_]+)/.exec(f.message)?.[1]?.toLowerCase();
    if (type !== undefined) {
      this.columnTypes[type] = (this.columnTypes[type] ?? 0) + 1;
      const features = TYPE_FEATURES[type];
      if (features !== undefined) {
        this.columns.push({ name: `column${this.columns.length + 1}`, type, features });
      }
      const isLob = f.featureId === "datatype.nvarchar_max" || type === "xml" || features?.includes("deprecated-lob") === true;
      if (isLob) {
        this.lob++;
      }
      return;
    }

    const column = /^(?:computed )?column (\S+)/.exec(f.message)?.[1] ?? "";
    switch (f.featureId) {
      case "ddl.column.identity":
        this.identity++;
        this.columns.push({ name: column, type: "", features: ["identity"] });
        break;
      case "ddl.column.computed":
      case "ddl.column.computed_persisted":
        this.computed++;
        this.columns.push({ name: column, type: "", features: ["computed"] });
        break;
      case "ddl.column.sparse":
        this.sparse++;
        break;
      case "ddl.table.filestream":
        this.filestream++;
        break;
      case "ddl.constraint.primary_key":
        this.primaryKey = true;
        break;
      case "ddl.constraint.unique":
      case "ddl.index.unique":
        this.unique = true;
        break;
      case "ddl.table.temporal":
        this.temporal = true;
        break;
      case "ddl.table.memory_optimized":
        this.memoryOptimized = true;
        break;
      case "ddl.index.columnstore":
        this.columnstore = true;
        break;
    }
  }

  view(): TableView {
    const [schema = "", table = ""] = splitName(this.name);
    return {
      database: "",
      schema,
      table,
      name: this.name,
      rows: null,
      reservedKb: null,
      partitions: null,
      isPartitioned: false,
      hasPrimaryKey: this.primaryKey,
      columnTypes: this.columnTypes,
      notableColumns: this.columns,
      identityColumns: this.identity,
      computedColumns: this.computed,
      sparseColumns: this.sparse,
      hasColumnSet: false,
      filestreamColumns: this.filestream,
      lobColumns: this.lob,
      hasColumnstore: this.columnstore,
      isMemoryOptimized: this.memoryOptimized,
      temporalType: this.temporal ? "SYSTEM_VERSIONED_TEMPORAL_TABLE" : "NON_TEMPORAL_TABLE",
    };
  }
}

/** Splits `schema.table`; a name without a schema is in dbo. */
function splitName(name: string): [string, string] {
  const dot = name.indexOf(".");
  return dot < 0 ? ["dbo", name] : [name.slice(0, dot), name.slice(dot + 1)];
}
