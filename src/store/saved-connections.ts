/**
 * Saved connections of the web console, in the `saved_connections` table
 * of migration 6. This file stores rows as given: the caller validates
 * the values and seals the password. Reads return the password only
 * through {@link SavedConnectionTable.findSecret}, never in a listing.
 */

import type { SqlConnection, SqlParameter, SqlRow } from "./connection.js";
import { StoreError } from "./errors.js";
import { SqlStore } from "./sql-store.js";
import type { Store } from "./store.js";

/** The columns a caller sets; every value is already checked. */
export interface SavedConnectionFields {
  readonly id: string;
  readonly name: string;
  readonly serverHost: string;
  /** Undefined only for a named instance without a port. */
  readonly serverPort: number | undefined;
  readonly serverInstance: string | undefined;
  /** Databases to assess; empty for every user database. */
  readonly databases: readonly string[];
  readonly login: string;
  readonly tlsMode: "on" | "strict";
  readonly tlsCaFile: string | undefined;
  readonly tlsServerName: string | undefined;
  readonly trustServerCertificate: boolean;
}

/** A stored connection without its password. */
export interface SavedConnectionRecord extends SavedConnectionFields {
  readonly createdBy: string;
  readonly createdAt: Date;
  readonly updatedBy: string;
  readonly updatedAt: Date;
}

/** The actor and the time of a change to a row. */
export interface RowChange {
  readonly actor: string;
  readonly at: Date;
}

const UNIQUE_VIOLATION = "23505";

const COLUMNS =
  "id, name, server_host, server_port, server_instance, databases, login, tls_mode, " +
  "tls_ca_file, tls_server_name, trust_server_certificate, created_by, created_at, " +
  "updated_by, updated_at";

type ConnectionRow = SqlRow & {
  readonly id: string;
  readonly name: string;
  readonly server_host: string;
  readonly server_port: number | null;
  readonly server_instance: string | null;
  readonly databases: unknown;
  readonly login: string;
  readonly tls_mode: "on" | "strict";
  readonly tls_ca_file: string | null;
  readonly tls_server_name: string | null;
  readonly trust_server_certificate: boolean;
  readonly created_by: string;
  readonly created_at: Date | string;
  readonly updated_by: string;
  readonly updated_at: Date | string;
};

export class SavedConnectionTable {
  readonly #connection: SqlConnection;

  constructor(connection: SqlConnection) {
    this.#connection = connection;
  }

  /** Inserts a connection; `duplicate-name` when another has its name, regardless of case. */
  async insert(
    fields: SavedConnectionFields,
    secret: Uint8Array,
    change: RowChange,
  ): Promise<"inserted" | "duplicate-name"> {
    try {
      await this.#connection.query(
        `insert into saved_connections (${COLUMNS}, secret) ` +
          "values ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $10, $11, $12, $13, $12, $13, $14)",
        [...fieldValues(fields), change.actor, change.at.toISOString(), secret],
      );
      return "inserted";
    } catch (error) {
      if (isUniqueViolation(error)) {
        return "duplicate-name";
      }
      throw queryFailed(`save connection '${fields.name}'`, error);
    }
  }

  /** Lists every connection by name, without passwords. */
  async list(): Promise<SavedConnectionRecord[]> {
    const rows = await this.#query<ConnectionRow>(
      "list saved connections",
      `select ${COLUMNS} from saved_connections order by lower(name), id`,
    );
    return rows.map(recordOf);
  }

  /** Returns one connection without its password, or undefined. */
  async find(id: string): Promise<SavedConnectionRecord | undefined> {
    const rows = await this.#query<ConnectionRow>(
      `read saved connection '${id}'`,
      `select ${COLUMNS} from saved_connections where id = $1`,
      [id],
    );
    return rows.length === 0 ? undefined : recordOf(rows[0]!);
  }

  /** Returns the sealed password of one connection, or undefined. */
  async findSecret(id: string): Promise<Uint8Array | undefined> {
    const rows = await this.#query<{ secret: Uint8Array }>(
      `read saved connection '${id}'`,
      "select secret from saved_connections where id = $1",
      [id],
    );
    return rows[0]?.secret;
  }

  /**
   * Replaces every field of a connection but its id and creation, and its
   * sealed password. Returns `not-found` when there is no such connection.
   */
  async update(
    fields: SavedConnectionFields,
    secret: Uint8Array,
    change: RowChange,
  ): Promise<"updated" | "not-found" | "duplicate-name"> {
    try {
      const rows = await this.#connection.query(
        "update saved_connections set name = $2, server_host = $3, server_port = $4, " +
          "server_instance = $5, databases = $6::jsonb, login = $7, tls_mode = $8, tls_ca_file = $9, " +
          "tls_server_name = $10, trust_server_certificate = $11, updated_by = $12, updated_at = $13, " +
          "secret = $14 where id = $1 returning id",
        [...fieldValues(fields), change.actor, change.at.toISOString(), secret],
      );
      return rows.length === 0 ? "not-found" : "updated";
    } catch (error) {
      if (isUniqueViolation(error)) {
        return "duplicate-name";
      }
      throw queryFailed(`update saved connection '${fields.name}'`, error);
    }
  }

  /** Deletes a connection; false when there was none. */
  async delete(id: string): Promise<boolean> {
    const rows = await this.#query(
      `delete saved connection '${id}'`,
      "delete from saved_connections where id = $1 returning id",
      [id],
    );
    return rows.length > 0;
  }

  async #query<R extends SqlRow>(action: string, sql: string, parameters: SqlParameter[] = []): Promise<R[]> {
    try {
      return await this.#connection.query<R>(sql, parameters);
    } catch (error) {
      throw queryFailed(action, error);
    }
  }
}

/**
 * Returns the saved connections kept in `store`. Throws a StoreError
 * `invalid-spec` for `--store none`, which keeps nothing.
 */
export function savedConnectionTable(store: Store): SavedConnectionTable {
  if (!(store instanceof SqlStore)) {
    throw new StoreError(
      "invalid-spec",
      "--store none keeps no saved connections; use --store embedded (the default) or a postgres:// URL",
    );
  }
  return new SavedConnectionTable(store.connection);
}

/** Returns the values of $1 to $11, in the order of COLUMNS. */
function fieldValues(fields: SavedConnectionFields): SqlParameter[] {
  return [
    fields.id,
    fields.name,
    fields.serverHost,
    fields.serverPort ?? null,
    fields.serverInstance ?? null,
    JSON.stringify(fields.databases),
    fields.login,
    fields.tlsMode,
    fields.tlsCaFile ?? null,
    fields.tlsServerName ?? null,
    fields.trustServerCertificate,
  ];
}

function recordOf(row: ConnectionRow): SavedConnectionRecord {
  const databases = typeof row.databases === "string" ? JSON.parse(row.databases) : row.databases;
  return {
    id: row.id,
    name: row.name,
    serverHost: row.server_host,
    serverPort: row.server_port ?? undefined,
    serverInstance: row.server_instance ?? undefined,
    databases: Array.isArray(databases) ? databases.map(String) : [],
    login: row.login,
    tlsMode: row.tls_mode,
    tlsCaFile: row.tls_ca_file ?? undefined,
    tlsServerName: row.tls_server_name ?? undefined,
    trustServerCertificate: row.trust_server_certificate,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at),
    updatedBy: row.updated_by,
    updatedAt: new Date(row.updated_at),
  };
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === UNIQUE_VIOLATION;
}

function queryFailed(action: string, error: unknown): StoreError {
  const reason = error instanceof Error ? error.message : String(error);
  return new StoreError("query-failed", `cannot ${action}: ${reason}`, { cause: error });
}
