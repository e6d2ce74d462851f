/**
 * The server form of an application, as it arrives, turned into the
 * ServerFields that the store keeps. The console adds live servers
 * through saved connections only, whose passwords the store keeps sealed.
 * It never sets a script folder, because a console user would then choose
 * which folder on the console's host infio reads. Script-folder servers
 * are added with `infio app servers add --scripts`. When the console
 * changes their name or environment, it keeps their folder.
 */

import {
  checkModelName,
  ENVIRONMENTS,
  type Environment,
  type ServerFields,
} from "../../store/application-model.js";
import type { SavedConnection } from "../connections/index.js";
import { FormValueError } from "../routes/application-access.js";

/** The form's fields as text, for showing the form again. */
export interface ServerFormValues {
  readonly name: string;
  readonly environment: string;
  /** Saved connection id; empty keeps the current source of a server being changed. */
  readonly connection: string;
  /** One database name per line. */
  readonly databases: string;
  readonly excludedDatabases: string;
  readonly includeSystemDatabases: boolean;
}

/** Maximum number of database names in one field. */
const MAX_DATABASES = 1000;

export function serverFormValues(fields: Readonly<Record<string, string>>): ServerFormValues {
  return {
    name: fields.name ?? "",
    environment: fields.environment ?? "",
    connection: fields.connection ?? "",
    databases: fields.databases ?? "",
    excludedDatabases: fields.excludedDatabases ?? "",
    includeSystemDatabases: fields.includeSystemDatabases === "on",
  };
}

/** Returns the form values of a stored server. */
export function valuesOfServer(server: ServerFields): ServerFormValues {
  return {
    name: server.name,
    environment: server.environment,
    connection:
      server.source.kind === "live" && server.source.secret.kind === "saved-connection" ? server.source.secret.id : "",
    databases: server.databases.join("\n"),
    excludedDatabases: server.excludedDatabases.join("\n"),
    includeSystemDatabases: server.includeSystemDatabases,
  };
}

/**
 * Checks the form and returns the server's fields. `current` is the server
 * being changed; without it a saved connection is required. Throws
 * FormValueError naming the rejected value.
 */
export function serverFieldsFrom(
  values: ServerFormValues,
  connections: readonly SavedConnection[],
  current: ServerFields | undefined,
): ServerFields {
  const problem = checkModelName("server", values.name);
  if (problem !== undefined) {
    throw new FormValueError("name", problem);
  }
  if (!(ENVIRONMENTS as readonly string[]).includes(values.environment)) {
    throw new FormValueError("environment", `invalid environment '${values.environment}': choose production or non-production`);
  }
  const environment = values.environment as Environment;

  if (values.connection === "") {
    if (current === undefined) {
      throw new FormValueError("connection", "missing saved connection: choose the saved connection that reaches the server");
    }
    if (current.source.kind === "scripts") {
      rejectDatabasesForScripts(values);
      return { ...current, name: values.name, environment };
    }
    return { ...current, name: values.name, environment, ...databaseFields(values) };
  }

  const connection = connections.find((saved) => saved.id === values.connection);
  if (connection === undefined) {
    throw new FormValueError(
      "connection",
      `saved connection '${values.connection}' was not found; choose one of the list, or save it under Connections first`,
    );
  }
  return {
    name: values.name,
    environment,
    source: { kind: "live", connection: {}, secret: { kind: "saved-connection", id: connection.id } },
    ...databaseFields(values),
  };
}

function databaseFields(values: ServerFormValues): Pick<ServerFields, "databases" | "excludedDatabases" | "includeSystemDatabases"> {
  const databases = databaseNames(values.databases, "databases");
  const excludedDatabases = databaseNames(values.excludedDatabases, "excludedDatabases");
  const both = excludedDatabases.find((excluded) => databases.some((name) => name.toLowerCase() === excluded.toLowerCase()));
  if (both !== undefined) {
    throw new FormValueError("excludedDatabases", `database '${both}' is both included and excluded; remove it from one of the two lists`);
  }
  return { databases, excludedDatabases, includeSystemDatabases: values.includeSystemDatabases };
}

function rejectDatabasesForScripts(values: ServerFormValues): void {
  if (values.excludedDatabases.trim() !== "" || values.databases.trim() !== "" || values.includeSystemDatabases) {
    throw new FormValueError(
      "databases",
      "database lists apply to live servers only, not to a script folder; leave them empty or choose a saved connection",
    );
  }
}

/**
 * Splits one name per line, skipping empty lines and repeats, which SQL
 * Server's default collations compare without case.
 */
function databaseNames(text: string, field: string): string[] {
  const unique = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const name = line.trim();
    if (name === "") {
      continue;
    }
    // eslint-disable-next-line no-control-regex
    if (name.length > 128 || /[\u0000-\u001f\u007f]/.test(name)) {
      throw new FormValueError(field, `invalid database name ${JSON.stringify(name)}: use at most 128 characters and no control characters`);
    }
    unique.set(name.toLowerCase(), unique.get(name.toLowerCase()) ?? name);
  }
  if (unique.size > MAX_DATABASES) {
    throw new FormValueError(field, `${unique.size} database names given: list at most ${MAX_DATABASES}`);
  }
  return [...unique.values()];
}
