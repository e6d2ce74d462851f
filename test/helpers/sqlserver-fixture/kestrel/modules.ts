/**
 * Module code of the Kestrel fixture server, as sys.sql_modules,
 * sys.objects and sys.triggers would contain it. KestrelColdChain has
 * every procedure, function, view and trigger that
 * examples/kestrel-cold-chain creates in it, read from the example
 * scripts batch by batch. The two server triggers of server-triggers.ts
 * get their code in sys.server_sql_modules. Archive has a view, a
 * procedure created under QUOTED_IDENTIFIER OFF and one created WITH
 * ENCRYPTION. CLR modules (AS EXTERNAL NAME) have no SQL module and are
 * left out.
 */

import { readFileSync } from "node:fs";

import { splitBatches } from "../../../../src/tsql/batches/split.js";
import type { SqlValue } from "../../tds-server/index.js";
import type { CatalogViews } from "../fixture.js";
import type { FixtureArea } from "./area.js";
import { KESTREL_COLD_CHAIN_SCHEMA, SCHEMA_AREA } from "./schema.js";
import { DDL_TRIGGER_ID, LOGON_TRIGGER_ID } from "./server-triggers.js";

/** A module as the fixture declares it. */
export interface ModuleSpec {
  /** Empty for a database DDL trigger or a server trigger. */
  readonly schema: string;
  readonly name: string;
  /** sys.objects type: P, FN, IF, TF, V, TR, R, D. */
  readonly type: string;
  /** NULL for a module created WITH ENCRYPTION or hidden from the login. */
  readonly definition: string | null;
  readonly usesQuotedIdentifier?: boolean;
  readonly usesAnsiNulls?: boolean;
  /** A database DDL trigger: in sys.triggers with parent_class 0, not in sys.objects. */
  readonly databaseTrigger?: boolean;
  /** Definition NULL because the login lacks VIEW DEFINITION, not encryption. */
  readonly hiddenDefinition?: boolean;
  /** The table or view of a DML trigger, `schema.name`. */
  readonly parent?: string;
}

const TYPE_DESCS: Readonly<Record<string, string>> = {
  P: "SQL_STORED_PROCEDURE",
  FN: "SQL_SCALAR_FUNCTION",
  IF: "SQL_INLINE_TABLE_VALUED_FUNCTION",
  TF: "SQL_TABLE_VALUED_FUNCTION",
  V: "VIEW",
  TR: "SQL_TRIGGER",
  R: "RULE",
  D: "DEFAULT_CONSTRAINT",
};

/**
 * Writes the catalog rows of `modules`, numbering object ids from
 * `firstObjectId`; `schemaIdOf` gives the schema_id of a schema name.
 */
export function moduleViews(
  modules: readonly ModuleSpec[],
  schemaIdOf: (schema: string) => number,
  firstObjectId: number,
  parentIdOf: (parent: string) => number = () => 0,
): CatalogViews {
  const objects: Record<string, SqlValue>[] = [];
  const sqlModules: Record<string, SqlValue>[] = [];
  const triggers: Record<string, SqlValue>[] = [];
  const properties: Record<string, SqlValue>[] = [];
  const created = new Date("2024-06-03T10:00:00.000Z");
  // An INSTEAD OF trigger's parent may be a view of the same list.
  const ownIds = new Map(modules.map((module, position) => [`${module.schema}.${module.name}`, firstObjectId + position]));

  modules.forEach((module, position) => {
    const objectId = firstObjectId + position;
    sqlModules.push({
      object_id: objectId,
      definition: module.definition,
      uses_ansi_nulls: module.usesAnsiNulls ?? true,
      uses_quoted_identifier: module.usesQuotedIdentifier ?? true,
      is_schema_bound: false,
      uses_database_collation: false,
      is_recompiled: false,
      null_on_null_input: false,
      execute_as_principal_id: null,
      uses_native_compilation: false,
    });
    if (module.hiddenDefinition === true) {
      properties.push({ object_id: objectId, property_name: "IsEncrypted", value: 0 });
    }

    const common = {
      name: module.name,
      object_id: objectId,
      type: module.type,
      type_desc: TYPE_DESCS[module.type] ?? "SQL_STORED_PROCEDURE",
      create_date: created,
      modify_date: created,
      is_ms_shipped: false,
    };
    if (module.databaseTrigger === true) {
      triggers.push({ ...common, parent_class: 0, parent_class_desc: "DATABASE", parent_id: 0, is_disabled: false });
      return;
    }
    const parentId = module.parent === undefined ? 0 : (ownIds.get(module.parent) ?? parentIdOf(module.parent));
    objects.push({
      ...common,
      principal_id: null,
      schema_id: schemaIdOf(module.schema),
      parent_object_id: parentId,
      is_published: false,
      is_schema_published: false,
    });
    if (module.type === "TR") {
      triggers.push({ ...common, parent_class: 1, parent_class_desc: "OBJECT_OR_COLUMN", parent_id: parentId, is_disabled: false });
    }
  });

  return {
    "sys.objects": objects,
    "sys.sql_modules": sqlModules,
    "sys.triggers": triggers,
    ...(properties.length === 0 ? {} : { objectproperty: properties }),
  };
}

const EXAMPLES = new URL("../../../../../examples/kestrel-cold-chain/", import.meta.url);

/** Example scripts that create KestrelColdChain modules. */
const MODULE_SCRIPTS = [
  "10-functions.sql",
  "11-views.sql",
  "20-procedures-operations.sql",
  "21-procedures-billing.sql",
  "22-procedures-telemetry-reporting.sql",
  "23-procedures-integration.sql",
  "30-triggers.sql",
  "40-security.sql",
  "51-maintenance.sql",
  "53-service-broker.sql",
  "60-legacy.sql",
];

const NAME = String.raw`(?:\[[^\]]+\]|[A-Za-z_][\w$#@]*)`;
const CREATE_MODULE = new RegExp(
  String.raw`^CREATE\s+(?:OR\s+ALTER\s+)?(PROC|PROCEDURE|FUNCTION|VIEW|TRIGGER)\s+(${NAME}(?:\s*\.\s*${NAME})?)`,
  "i",
);

/** `ON schema.table` after a DML trigger's name. */
const TRIGGER_PARENT = new RegExp(String.raw`^\s+ON\s+(${NAME}\s*\.\s*${NAME})`, "i");

/** Leading blank lines and comments, which SQL Server keeps but the header match skips. */
function withoutLeadingComments(text: string): string {
  let rest = text;
  for (;;) {
    const trimmed = rest.trimStart();
    if (trimmed.startsWith("--")) {
      const end = trimmed.indexOf("\n");
      rest = end === -1 ? "" : trimmed.slice(end + 1);
    } else if (trimmed.startsWith("/*")) {
      const end = trimmed.indexOf("*/");
      rest = end === -1 ? "" : trimmed.slice(end + 2);
    } else {
      return trimmed;
    }
  }
}

function unbracket(name: string): string {
  return name.trim().replace(/^\[(.*)\]$/, "$1").replaceAll("]]", "]");
}

/** sys.objects types of the CREATE statements other than functions. */
const KIND_TYPES: Readonly<Record<string, string>> = { PROC: "P", PROCEDURE: "P", VIEW: "V", TRIGGER: "TR" };

function functionType(text: string): string {
  if (/RETURNS\s+TABLE\b/i.test(text)) {
    return "IF";
  }
  return /RETURNS\s+@\w+\s+TABLE\b/i.test(text) ? "TF" : "FN";
}

interface ExampleModule extends ModuleSpec {
  readonly database: string;
  /** A trigger ON ALL SERVER. */
  readonly serverTrigger: boolean;
}

/** Reads the modules the example scripts create, in script order. */
export function exampleModules(): ExampleModule[] {
  const modules: ExampleModule[] = [];

  for (const script of MODULE_SCRIPTS) {
    const text = readFileSync(new URL(script, EXAMPLES), "utf8");
    let database = "master";
    let quotedIdentifier = true;
    let ansiNulls = true;

    for (const batch of splitBatches(text, { sqlcmd: false }).batches) {
      const body = withoutLeadingComments(batch.text);
      const header = CREATE_MODULE.exec(body);
      if (header === null) {
        database = /^USE\s+\[?([^\]\s;]+)\]?/i.exec(body)?.[1] ?? database;
        quotedIdentifier = setting(body, "QUOTED_IDENTIFIER") ?? quotedIdentifier;
        ansiNulls = setting(body, "ANSI_NULLS") ?? ansiNulls;
        continue;
      }
      if (/\bAS\s+EXTERNAL\s+NAME\b/i.test(body)) {
        continue;
      }
      const kind = header[1]!.toUpperCase();
      const parts = header[2]!.split(".").map(unbracket);
      const onServer = kind === "TRIGGER" && /\bON\s+ALL\s+SERVER\b/i.test(body);
      const onDatabase = kind === "TRIGGER" && /\bON\s+DATABASE\b/i.test(body);
      const unqualified = parts.length === 1;
      const parent = kind === "TRIGGER" && !onServer && !onDatabase ? TRIGGER_PARENT.exec(body.slice(header[0].length)) : null;

      let schema = unqualified ? "dbo" : parts[0]!;
      if (onServer || onDatabase) {
        schema = "";
      }
      modules.push({
        database,
        schema,
        name: parts[parts.length - 1]!,
        type: kind === "FUNCTION" ? functionType(body) : (KIND_TYPES[kind] ?? "P"),
        definition: batch.text.trim(),
        usesQuotedIdentifier: quotedIdentifier,
        usesAnsiNulls: ansiNulls,
        databaseTrigger: onDatabase,
        serverTrigger: onServer,
        ...(parent === null ? {} : { parent: parent[1]!.split(".").map(unbracket).join(".") }),
      });
    }
  }
  return modules;
}

function setting(body: string, option: string): boolean | undefined {
  const match = new RegExp(String.raw`^SET\s+${option}\s+(ON|OFF)\b`, "im").exec(body);
  return match === null ? undefined : match[1]!.toUpperCase() === "ON";
}

/** schema_id of a KestrelColdChain schema, as the schema area numbers them: the fixed four, then 5 and up. */
function kestrelSchemaId(schema: string): number {
  const names = ["dbo", "guest", "INFORMATION_SCHEMA", "sys", ...KESTREL_COLD_CHAIN_SCHEMA.schemas];
  const position = names.indexOf(schema);
  if (position === -1) {
    throw new Error(`the Kestrel module fixture names schema '${schema}', which schema.ts does not create`);
  }
  return position + 1;
}

/** object_id of a KestrelColdChain table named `schema.name`, from the schema area; 0 when it has none. */
function kestrelObjectId(qualified: string): number {
  const [schema, name] = qualified.split(".");
  const views = SCHEMA_AREA.databases?.["KestrelColdChain"] ?? {};
  const schemaId = kestrelSchemaId(schema!);
  const table = (views["sys.tables"] ?? []).find((t) => t["name"] === name && t["schema_id"] === schemaId);
  return typeof table?.["object_id"] === "number" ? table["object_id"] : 0;
}

/** Archive's modules; it has only the fixed schemas, dbo being schema_id 1. */
export const ARCHIVE_MODULES: readonly ModuleSpec[] = [
  {
    schema: "dbo",
    name: "vArchivedShipment",
    type: "V",
    definition: [
      "CREATE VIEW dbo.vArchivedShipment",
      "AS",
      "SELECT s.ShipmentId, s.ShipmentNumber, s.DeliveredAt",
      "FROM dbo.ShipmentArchive AS s",
      "WHERE s.DeliveredAt < DATEADD(YEAR, -2, SYSUTCDATETIME());",
    ].join("\n"),
  },
  {
    schema: "dbo",
    name: "usp_ArchiveSummary",
    type: "P",
    usesQuotedIdentifier: false,
    definition: [
      "CREATE PROCEDURE dbo.usp_ArchiveSummary",
      "AS",
      "-- Created under QUOTED_IDENTIFIER OFF in 2009: \"...\" are strings here.",
      "SELECT \"Archived shipments: \" + CAST(COUNT(*) AS varchar(12)) AS Summary",
      "FROM dbo.ShipmentArchive;",
    ].join("\n"),
  },
  { schema: "dbo", name: "usp_RepriceArchive", type: "P", definition: null },
];

/** The DDL trigger of server-triggers.ts has no example script, so its text is written here. */
const DATABASE_DDL_AUDIT = [
  "CREATE TRIGGER trg_KestrelDatabaseDdlAudit",
  "ON ALL SERVER",
  "FOR DDL_DATABASE_EVENTS",
  "AS",
  "BEGIN",
  "    SET NOCOUNT ON;",
  "    DECLARE @event xml = EVENTDATA();",
  "    INSERT INTO KestrelColdChain.audit.DdlEvent (PostTime, LoginName, EventType, CommandText, EventData)",
  "    VALUES (SYSUTCDATETIME(), ORIGINAL_LOGIN(),",
  "        @event.value('(/EVENT_INSTANCE/EventType)[1]', 'nvarchar(64)'),",
  "        @event.value('(/EVENT_INSTANCE/TSQLCommand/CommandText)[1]', 'nvarchar(max)'), @event);",
  "END",
].join("\n");

function serverModuleRows(examples: readonly ExampleModule[]): Record<string, SqlValue>[] {
  const logon = examples.find((m) => m.serverTrigger && m.name === "trg_KestrelLogonLimits");
  if (logon === undefined) {
    throw new Error("40-security.sql no longer creates trg_KestrelLogonLimits; update the module fixture");
  }
  const row = (objectId: number, definition: string) => ({
    object_id: objectId,
    definition,
    uses_ansi_nulls: true,
    uses_quoted_identifier: true,
    execute_as_principal_id: null,
  });
  return [row(LOGON_TRIGGER_ID, logon.definition!), row(DDL_TRIGGER_ID, DATABASE_DDL_AUDIT)];
}

function kestrelModulesArea(): FixtureArea {
  const examples = exampleModules();
  const kestrel = examples.filter((m) => m.database === "KestrelColdChain" && !m.serverTrigger);
  return {
    server: { "sys.server_sql_modules": serverModuleRows(examples) },
    databases: {
      KestrelColdChain: moduleViews(kestrel, kestrelSchemaId, 1_500_000_000, kestrelObjectId),
      Archive: moduleViews(ARCHIVE_MODULES, () => 1, 1_500_000_000),
    },
  };
}

export const MODULES: FixtureArea = kestrelModulesArea();
