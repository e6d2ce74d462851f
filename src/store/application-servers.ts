/**
 * The servers of applications, in the `application_servers` table of
 * migration 9. This file stores rows as given: the caller checks the
 * connection options, and no password ever reaches it (see SecretReference).
 */

import type { SqlParameter, SqlSession } from "./connection.js";
import type {
  ApplicationServer,
  Environment,
  LiveConnection,
  RowChange,
  SecretReference,
  ServerFields,
  ServerSource,
} from "./application-model.js";
import { jsonOf, queryRows, queryUnique, STAMP_COLUMNS, stampsOf, textListOf, type StampColumns } from "./model-query.js";

type ServerRow = StampColumns & {
  readonly server_key: string | number;
  readonly application_key: string | number;
  readonly name: string;
  readonly environment: Environment;
  readonly kind: "live" | "scripts";
  readonly connection: unknown;
  readonly secret: unknown;
  readonly scripts_path: string | null;
  readonly databases: unknown;
  readonly excluded_databases: unknown;
  readonly include_system_databases: boolean;
};

const COLUMNS =
  "server_key, application_key, name, environment, kind, connection, secret, scripts_path, " +
  `databases, excluded_databases, include_system_databases, ${STAMP_COLUMNS}`;

export class ApplicationServerTable {
  readonly #session: SqlSession;

  constructor(session: SqlSession) {
    this.#session = session;
  }

  /** Adds a server to an application; `duplicate` when the application has one of this name. */
  async add(applicationKey: number, fields: ServerFields, change: RowChange): Promise<ApplicationServer | "duplicate"> {
    const rows = await queryUnique<ServerRow>(
      this.#session,
      `add server '${fields.name}'`,
      "insert into application_servers (application_key, name, environment, kind, connection, secret, " +
        `scripts_path, databases, excluded_databases, include_system_databases, ${STAMP_COLUMNS}) ` +
        "values ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7, $8::jsonb, $9::jsonb, $10, $11, $12, $11, $12) " +
        `returning ${COLUMNS}`,
      [applicationKey, ...fieldValues(fields), change.actor, change.at.toISOString()],
    );
    return rows === "duplicate" ? rows : serverOf(rows[0]!);
  }

  /** Lists the servers of an application by name. */
  async list(applicationKey: number): Promise<ApplicationServer[]> {
    const rows = await queryRows<ServerRow>(
      this.#session,
      `list the servers of application ${applicationKey}`,
      `select ${COLUMNS} from application_servers where application_key = $1 order by lower(name), server_key`,
      [applicationKey],
    );
    return rows.map(serverOf);
  }

  /** Returns the server of this name in an application, regardless of case, or undefined. */
  async find(applicationKey: number, name: string): Promise<ApplicationServer | undefined> {
    const rows = await queryRows<ServerRow>(
      this.#session,
      `read server '${name}'`,
      `select ${COLUMNS} from application_servers where application_key = $1 and lower(name) = lower($2)`,
      [applicationKey, name],
    );
    return rows[0] === undefined ? undefined : serverOf(rows[0]);
  }

  /** Replaces every field of a server; `not-found` or `duplicate` instead of throwing. */
  async update(key: number, fields: ServerFields, change: RowChange): Promise<ApplicationServer | "not-found" | "duplicate"> {
    const rows = await queryUnique<ServerRow>(
      this.#session,
      `change server '${fields.name}'`,
      "update application_servers set name = $2, environment = $3, kind = $4, connection = $5::jsonb, " +
        "secret = $6::jsonb, scripts_path = $7, databases = $8::jsonb, excluded_databases = $9::jsonb, " +
        "include_system_databases = $10, updated_by = $11, updated_at = $12 " +
        `where server_key = $1 returning ${COLUMNS}`,
      [key, ...fieldValues(fields), change.actor, change.at.toISOString()],
    );
    if (rows === "duplicate") {
      return rows;
    }
    return rows[0] === undefined ? "not-found" : serverOf(rows[0]);
  }

  /**
   * Deletes a server; false when there was none. Its assessments stay with
   * the application, no longer linked to a server.
   */
  async delete(key: number): Promise<boolean> {
    const rows = await queryRows(
      this.#session,
      `delete server ${key}`,
      "delete from application_servers where server_key = $1 returning server_key",
      [key],
    );
    return rows.length > 0;
  }
}

/** Returns the values of name to include_system_databases, in the order of the statements above. */
function fieldValues(fields: ServerFields): SqlParameter[] {
  const source = fields.source;
  return [
    fields.name,
    fields.environment,
    source.kind,
    source.kind === "live" ? JSON.stringify(source.connection) : null,
    source.kind === "live" ? JSON.stringify(source.secret) : null,
    source.kind === "scripts" ? source.path : null,
    JSON.stringify(fields.databases),
    JSON.stringify(fields.excludedDatabases),
    fields.includeSystemDatabases,
  ];
}

function serverOf(row: ServerRow): ApplicationServer {
  const source: ServerSource =
    row.kind === "live"
      ? {
          kind: "live",
          connection: jsonOf(row.connection) as LiveConnection,
          secret: jsonOf(row.secret) as SecretReference,
        }
      : { kind: "scripts", path: row.scripts_path ?? "" };
  return {
    key: Number(row.server_key),
    applicationKey: Number(row.application_key),
    name: row.name,
    environment: row.environment,
    source,
    databases: textListOf(row.databases),
    excludedDatabases: textListOf(row.excluded_databases),
    includeSystemDatabases: row.include_system_databases,
    ...stampsOf(row),
  };
}
