/**
 * Streams module code as collected items: the modules of one database
 * from sys.sql_modules, and the server-level triggers. Rows are turned
 * into items one at a time, so memory keeps one definition at a time.
 */

import { quoteName } from "../catalog-query.js";
import type { CollectedItem, CollectedModule } from "../collected.js";
import type { Row, SqlReader } from "../reader.js";
import { MODULES_QUERY, SERVER_MODULES_QUERY } from "./module-queries.js";
import { optionalFlagOf, textOf } from "./row-values.js";

export const MODULES_PART = "modules";
export const SERVER_MODULES_PART = "server-modules";

/**
 * `sys.objects.type` of T-SQL modules, with the kind infio names them by.
 * RF is a replication-filter procedure; R and D are the rules and
 * stand-alone defaults of CREATE RULE and CREATE DEFAULT.
 */
const MODULE_TYPES: Readonly<Record<string, string>> = {
  P: "procedure",
  RF: "procedure",
  FN: "function",
  IF: "function",
  TF: "function",
  V: "view",
  TR: "trigger",
  R: "rule",
  D: "default",
};

export function moduleTypeOf(typeCode: string): string {
  return MODULE_TYPES[typeCode] ?? "module";
}

/**
 * Yields each module of the database the reader opens. An encrypted
 * module comes with a null definition; one whose definition the login may
 * not see comes as a problem. A failure rejects after the modules already
 * yielded.
 */
export async function* readModules(
  reader: SqlReader,
  signal?: AbortSignal,
): AsyncGenerator<CollectedItem, void, undefined> {
  const database = reader.database;

  for await (const row of reader.rows(MODULES_QUERY)) {
    signal?.throwIfAborted();
    const typeCode = (textOf(row, "type_code") ?? "").trim();
    const module: CollectedModule = {
      database,
      schema: textOf(row, "module_schema") ?? "",
      name: textOf(row, "module_name") ?? "",
      type: moduleTypeOf(typeCode),
      typeCode,
      origin: "module",
      ...moduleCode(row),
    };

    // OBJECTPROPERTY is NULL for database DDL triggers, so only an
    // explicit 0 marks the definition as hidden rather than encrypted.
    if (module.definition === null && optionalFlagOf(row, "is_encrypted") === false) {
      yield hiddenDefinition(module, reader.server);
      continue;
    }
    yield { kind: "module", module };
  }
}

/** Yields the server-level triggers, with database and schema empty. */
export async function* readServerModules(
  reader: SqlReader,
  signal?: AbortSignal,
): AsyncGenerator<CollectedItem, void, undefined> {
  for await (const row of reader.rows(SERVER_MODULES_QUERY)) {
    signal?.throwIfAborted();
    const typeCode = (textOf(row, "type_code") ?? "").trim();
    const module: CollectedModule = {
      database: "",
      schema: "",
      name: textOf(row, "trigger_name") ?? "",
      type: "trigger",
      typeCode,
      origin: "module",
      ...moduleCode(row),
    };
    yield { kind: "module", module };
  }
}

/** Returns the definition and its SET options; an option the row leaves NULL is left out. */
function moduleCode(row: Row): Pick<CollectedModule, "definition" | "usesQuotedIdentifier" | "usesAnsiNulls"> {
  const quotedIdentifier = optionalFlagOf(row, "uses_quoted_identifier");
  const ansiNulls = optionalFlagOf(row, "uses_ansi_nulls");
  return {
    definition: textOf(row, "definition"),
    ...(quotedIdentifier === null ? {} : { usesQuotedIdentifier: quotedIdentifier }),
    ...(ansiNulls === null ? {} : { usesAnsiNulls: ansiNulls }),
  };
}

function hiddenDefinition(module: CollectedModule, server: string): CollectedItem {
  const name = [module.database, module.schema, module.name]
    .filter((part) => part !== "")
    .map(quoteName)
    .join(".");
  return {
    kind: "problem",
    problem: {
      part: MODULES_PART,
      database: module.database,
      reason: "permission-denied",
      message:
        `the definition of ${module.type} ${name} on '${server}' is hidden from the login; ` +
        "grant VIEW DEFINITION in the database or VIEW ANY DEFINITION on the server (see docs/permissions.md)",
    },
  };
}
