/**
 * Saved live-server connections of the web console: create, list, read,
 * update and remove them, and open one for an assessment. The password is
 * sealed before it reaches the store and is unsealed only in memory, by
 * `openForAssessment`; nothing else returns it.
 *
 * Authorization is the caller's: these functions trust the actor they are
 * given.
 */

import { randomUUID } from "node:crypto";

import { readCaFile } from "../../sources/sqlserver/connection/index.js";
import { ConnectionSettingsError } from "../../sources/sqlserver/connection/settings-error.js";
import type { Store } from "../../store/index.js";
import {
  savedConnectionTable,
  type SavedConnectionFields,
  type SavedConnectionRecord,
  type SavedConnectionTable,
} from "../../store/saved-connections.js";
import type { StoreKeyOptions } from "../../store/store-keys.js";
import { connectionSettingsOf, type AssessmentConnection } from "./assessment-settings.js";
import {
  checkConnection,
  checkPassword,
  ConnectionValidationError,
  serverText,
  type CheckedConnection,
  type ConnectionInput,
} from "./connection-input.js";
import { ConnectionSecrets, sameSecretBinding } from "./connection-secrets.js";

/** A saved connection as pages show it: everything but the password. */
export interface SavedConnection {
  readonly id: string;
  readonly name: string;
  /** The address as `--server` takes it, such as `sql01\PROD` or `10.0.0.5,1433`. */
  readonly server: string;
  readonly host: string;
  readonly port?: number;
  readonly instance?: string;
  /** Databases to assess; empty for every user database. */
  readonly databases: readonly string[];
  readonly user: string;
  readonly tls: {
    readonly mode: "on" | "strict";
    readonly caFile?: string;
    readonly serverName?: string;
    readonly trustServerCertificate: boolean;
  };
  readonly createdBy: string;
  /** ISO 8601 times. */
  readonly createdAt: string;
  readonly updatedBy: string;
  readonly updatedAt: string;
}

export interface SavedConnectionsOptions {
  /** The store that keeps the connections; `--store none` is rejected. */
  readonly store: Store;
  /** The data folder, which contains the master key and the connections' data keys. */
  readonly dataDir: string;
  /** The master key, as the store was opened with it. */
  readonly keys?: StoreKeyOptions;
  readonly clock?: () => Date;
}

export class SavedConnections {
  readonly #table: SavedConnectionTable;
  readonly #secrets: ConnectionSecrets;
  readonly #clock: () => Date;

  /** Throws a StoreError `invalid-spec` for a store that keeps nothing. */
  constructor(options: SavedConnectionsOptions) {
    this.#table = savedConnectionTable(options.store);
    this.#secrets = new ConnectionSecrets(options.dataDir, options.keys);
    this.#clock = options.clock ?? (() => new Date());
  }

  /**
   * Saves a new connection with its password. Throws a
   * ConnectionValidationError naming the invalid field, also for a name
   * that another connection has and for a CA file that cannot be read.
   */
  async create(input: ConnectionInput, actor: string): Promise<SavedConnection> {
    const checked = await this.#check(input);
    const password = checkPassword(input.password);
    if (password === undefined) {
      throw new ConnectionValidationError("password", undefined, "missing password: enter the login's password");
    }

    const fields: SavedConnectionFields = { id: randomUUID(), ...checked };
    const sealed = await this.#secrets.sealNew(fields, password);
    let outcome: "inserted" | "duplicate-name";
    try {
      outcome = await this.#table.insert(fields, sealed, { actor, at: this.#clock() });
    } catch (error) {
      await this.#secrets.destroy(fields.id).catch(() => undefined);
      throw error;
    }
    if (outcome === "duplicate-name") {
      await this.#secrets.destroy(fields.id).catch(() => undefined);
      throw duplicateName(fields.name);
    }
    return this.#read(fields.id);
  }

  /** Lists every connection by name, without passwords. */
  async list(): Promise<SavedConnection[]> {
    return (await this.#table.list()).map(viewOf);
  }

  /** Returns a connection without its password, or undefined. */
  async get(id: string): Promise<SavedConnection | undefined> {
    const record = await this.#table.find(id);
    return record === undefined ? undefined : viewOf(record);
  }

  /**
   * Replaces a connection's settings with `input`, which gives every field
   * as a form does (see {@link connectionInputOf}). A blank password keeps
   * the saved one, unless the server, login or TLS settings change: then
   * the password must be entered again, so that no one can send a saved
   * password to a server of their choosing. Returns undefined when there
   * is no such connection.
   */
  async update(id: string, input: ConnectionInput, actor: string): Promise<SavedConnection | undefined> {
    const current = await this.#table.find(id);
    if (current === undefined) {
      return undefined;
    }
    const checked = await this.#check(input);
    const fields: SavedConnectionFields = { id, ...checked };
    const password = checkPassword(input.password);

    let sealed: Uint8Array;
    if (password !== undefined) {
      sealed = await this.#secrets.seal(fields, password);
    } else if (sameSecretBinding(current, fields)) {
      const saved = await this.#table.findSecret(id);
      if (saved === undefined) {
        return undefined;
      }
      sealed = saved;
    } else {
      throw new ConnectionValidationError(
        "password",
        undefined,
        "missing password: the server, login or TLS settings changed, so enter the login's password again",
      );
    }

    const outcome = await this.#table.update(fields, sealed, { actor, at: this.#clock() });
    if (outcome === "duplicate-name") {
      throw duplicateName(fields.name);
    }
    return outcome === "not-found" ? undefined : this.#read(id);
  }

  /**
   * Removes a connection. Its data key is destroyed first, so the password
   * cannot be decrypted even from a copy of the store. Returns false when
   * there was no such connection.
   */
  async remove(id: string): Promise<boolean> {
    const current = await this.#table.find(id);
    if (current === undefined) {
      return false;
    }
    await this.#secrets.destroy(id);
    return this.#table.delete(id);
  }

  /**
   * Returns what the live source needs to connect, with the password
   * unsealed in memory, or undefined when there is no such connection.
   * Reads the CA file; throws a ConnectionValidationError when it is
   * missing or invalid, and a StoreError when the password cannot be opened.
   */
  async openForAssessment(id: string): Promise<AssessmentConnection | undefined> {
    const record = await this.#table.find(id);
    const sealed = record === undefined ? undefined : await this.#table.findSecret(id);
    if (record === undefined || sealed === undefined) {
      return undefined;
    }
    const password = await this.#secrets.open(record, sealed);
    return connectionSettingsOf(viewOf(record), record, password);
  }

  /** Clears the unwrapped data keys from memory; the store stays open. */
  close(): void {
    this.#secrets.close();
  }

  /** Checks the fields and that the CA file can be read, so a mistake shows on the form. */
  async #check(input: ConnectionInput): Promise<CheckedConnection> {
    const checked = checkConnection(input);
    if (checked.tlsCaFile !== undefined) {
      try {
        await readCaFile(checked.tlsCaFile, "caFile");
      } catch (error) {
        if (error instanceof ConnectionSettingsError) {
          throw new ConnectionValidationError("caFile", checked.tlsCaFile, error.message);
        }
        throw error;
      }
    }
    return checked;
  }

  async #read(id: string): Promise<SavedConnection> {
    const record = await this.#table.find(id);
    if (record === undefined) {
      throw new Error(`saved connection '${id}' was removed while it was being saved; save it again`);
    }
    return viewOf(record);
  }
}

/** Returns the form values of a saved connection, with a blank password, for editing it. */
export function connectionInputOf(connection: SavedConnection): ConnectionInput {
  return {
    name: connection.name,
    server: connection.host,
    ...(connection.port === undefined ? {} : { port: connection.port }),
    ...(connection.instance === undefined ? {} : { instance: connection.instance }),
    databases: connection.databases,
    user: connection.user,
    tlsMode: connection.tls.mode,
    ...(connection.tls.caFile === undefined ? {} : { caFile: connection.tls.caFile }),
    ...(connection.tls.serverName === undefined ? {} : { serverName: connection.tls.serverName }),
    trustServerCertificate: connection.tls.trustServerCertificate,
  };
}

function viewOf(record: SavedConnectionRecord): SavedConnection {
  return {
    id: record.id,
    name: record.name,
    server: serverText(record),
    host: record.serverHost,
    ...(record.serverPort === undefined ? {} : { port: record.serverPort }),
    ...(record.serverInstance === undefined ? {} : { instance: record.serverInstance }),
    databases: record.databases,
    user: record.login,
    tls: {
      mode: record.tlsMode,
      ...(record.tlsCaFile === undefined ? {} : { caFile: record.tlsCaFile }),
      ...(record.tlsServerName === undefined ? {} : { serverName: record.tlsServerName }),
      trustServerCertificate: record.trustServerCertificate,
    },
    createdBy: record.createdBy,
    createdAt: record.createdAt.toISOString(),
    updatedBy: record.updatedBy,
    updatedAt: record.updatedAt.toISOString(),
  };
}

function duplicateName(name: string): ConnectionValidationError {
  return new ConnectionValidationError(
    "name",
    name,
    `invalid name '${name}': another saved connection has this name (compared without case); choose another`,
  );
}
