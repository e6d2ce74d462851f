/**
 * Checks the values of a saved connection as a form or an API client
 * sends them, and turns them into the columns the store keeps. Each error
 * names the field and quotes the value (never the password), so a form
 * can show it beside the field.
 */

import { isAbsolute } from "node:path";

import {
  ConnectionSettingsError,
  parseServerAddress,
  parseTlsMode,
  type ServerAddress,
} from "../../sources/sqlserver/connection/index.js";
import type { SavedConnectionFields } from "../../store/saved-connections.js";
import { escapeControls } from "../../util/escape-controls.js";

/** Values of a connection as sent. Empty or blank strings count as absent. */
export interface ConnectionInput {
  readonly name?: string;
  /** `HOST`, `HOST,PORT`, `HOST\INSTANCE` or `HOST\INSTANCE,PORT`, as `--server` takes it. */
  readonly server?: string;
  /** TCP port, unless `server` names one. */
  readonly port?: string | number;
  /** Named instance, unless `server` names one. */
  readonly instance?: string;
  /** Databases to assess; none for every user database. Blank entries are ignored. */
  readonly databases?: readonly string[];
  /** The SQL login. */
  readonly user?: string;
  /** `on` (TDS 7.4 with TLS, the default) or `strict` (TDS 8.0). */
  readonly tlsMode?: string;
  /** Absolute path, on the console's host, of a PEM file with the CA that signed the server's certificate. */
  readonly caFile?: string;
  /** Name the server's certificate must carry, when it differs from the host. */
  readonly serverName?: string;
  /** Turns certificate verification off; the job then shows a warning. */
  readonly trustServerCertificate?: boolean;
  /** The login's password: required to create a connection, optional to update one. */
  readonly password?: string;
}

export type ConnectionField = keyof ConnectionInput;

export class ConnectionValidationError extends Error {
  override readonly name = "ConnectionValidationError";
  readonly field: ConnectionField;
  /** The rejected value as given; undefined for the password, which is never repeated. */
  readonly value: string | undefined;

  constructor(field: ConnectionField, value: string | undefined, message: string) {
    super(message);
    this.field = field;
    this.value = value;
  }
}

/** A checked connection: the stored columns without the id. */
export type CheckedConnection = Omit<SavedConnectionFields, "id">;

const MAX_NAME = 100;
/** sysname, the type of login and database names, is nvarchar(128). */
const MAX_SYSNAME = 128;
const MAX_DATABASES = 256;
/** The longest DNS name (RFC 1035 section 2.3.4). */
const MAX_SERVER_NAME = 253;
/** SQL Server passwords are at most 128 characters ("Password Policy", Microsoft Learn). */
export const MAX_PASSWORD = 128;

const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
/** With the u flag, \p{Cs} matches only unpaired surrogates, which UTF-8, and so PostgreSQL text, cannot carry. */
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * Checks every field but the password and returns the columns to store.
 * Throws a ConnectionValidationError for the first invalid field.
 */
export function checkConnection(input: ConnectionInput): CheckedConnection {
  const name = requiredText("name", input.name, MAX_NAME);
  const address = checkServer(input);
  const user = requiredText("user", input.user, MAX_SYSNAME);
  const databases = checkDatabases(input.databases ?? []);

  const tlsText = present(input.tlsMode);
  let tlsMode: "on" | "strict" = "on";
  if (tlsText !== undefined) {
    tlsMode = fromSettingsError("tlsMode", tlsText, () => parseTlsMode(tlsText, "tlsMode"));
  }
  const caFile = checkCaFilePath(input.caFile);
  const serverName = optionalText("serverName", input.serverName, MAX_SERVER_NAME);
  if (serverName !== undefined && /\s/.test(serverName)) {
    throw invalid("serverName", serverName, "it contains white space; give the DNS name the certificate lists");
  }

  const trustServerCertificate = input.trustServerCertificate === true;
  if (trustServerCertificate && caFile !== undefined) {
    throw new ConnectionValidationError(
      "trustServerCertificate",
      "true",
      "invalid trustServerCertificate: turning certificate verification off contradicts the CA file " +
        `'${caFile}', which is there to verify the certificate; give only one of them`,
    );
  }

  return {
    name,
    serverHost: address.host,
    serverPort: address.port,
    serverInstance: address.instance,
    databases,
    login: user,
    tlsMode,
    tlsCaFile: caFile,
    tlsServerName: serverName,
    trustServerCertificate,
  };
}

/**
 * Checks a new password; undefined when none was given. Throws a
 * ConnectionValidationError that does not quote it.
 */
export function checkPassword(password: string | undefined): string | undefined {
  if (password === undefined || password === "") {
    return undefined;
  }
  if (password.length > MAX_PASSWORD || CONTROLS.test(password) || LONE_SURROGATE.test(password)) {
    throw new ConnectionValidationError(
      "password",
      undefined,
      `invalid password: SQL Server passwords are 1 to ${MAX_PASSWORD} characters without control ` +
        "characters; enter the login's password again",
    );
  }
  return password;
}

/** Formats a stored address as `--server` takes it, for messages and the assessment's sources. */
export function serverText(
  fields: Pick<SavedConnectionFields, "serverHost" | "serverPort" | "serverInstance">,
): string {
  const host = fields.serverHost.includes(":") ? `[${fields.serverHost}]` : fields.serverHost;
  const instance = fields.serverInstance === undefined ? "" : `\\${fields.serverInstance}`;
  const port = fields.serverPort === undefined ? "" : `,${fields.serverPort}`;
  return `${host}${instance}${port}`;
}

/** Parses `server` with the separate port and instance, which must not repeat what it names. */
function checkServer(input: ConnectionInput): ServerAddress {
  const server = requiredText("server", input.server, MAX_SERVER_NAME + MAX_SYSNAME + 8);
  const instance = optionalText("instance", input.instance, MAX_SYSNAME);
  const portText = present(input.port === undefined ? undefined : String(input.port));

  const parsed = fromSettingsError("server", server, () => parseServerAddress(server, "server"));
  if (instance !== undefined && parsed.instance !== undefined) {
    const problem = `the server '${server}' names an instance already; give the instance once`;
    throw invalid("instance", instance, problem);
  }
  if (portText !== undefined && /,/.test(server)) {
    throw invalid("port", portText, `the server '${server}' names a port already; give the port once`);
  }
  const port = portText === undefined ? undefined : checkPort(portText);
  if (instance !== undefined && !/^[^\s\\,;:/[\]"']+$/.test(instance)) {
    const problem = "give the instance name alone, without spaces, quotes or any of \\ , ; : / [ ]";
    throw invalid("instance", instance, problem);
  }

  const text = serverText({
    serverHost: parsed.host,
    serverPort: port ?? (/,/.test(server) ? parsed.port : undefined),
    serverInstance: instance ?? parsed.instance,
  });
  return fromSettingsError("server", server, () => parseServerAddress(text, "server"));
}

function checkPort(text: string): number {
  const port = /^\d{1,5}$/.test(text) ? Number(text) : NaN;
  if (!(port >= 1 && port <= 65535)) {
    throw invalid("port", text, "give a TCP port from 1 to 65535");
  }
  return port;
}

/**
 * Trims the names and drops blank entries and repeats, compared without
 * case as SQL Server's default collations compare names.
 */
function checkDatabases(entries: readonly string[]): string[] {
  const databases: string[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    const database = optionalText("databases", entry, MAX_SYSNAME);
    if (database === undefined || seen.has(database.toLowerCase())) {
      continue;
    }
    seen.add(database.toLowerCase());
    databases.push(database);
  }
  if (databases.length > MAX_DATABASES) {
    throw invalid(
      "databases",
      `${databases.length} databases`,
      `give at most ${MAX_DATABASES}, or none to assess every user database`,
    );
  }
  return databases;
}

/** Checks that a CA file path is absolute; the file itself is read when the connection is saved. */
function checkCaFilePath(value: string | undefined): string | undefined {
  const path = optionalText("caFile", value, 4096);
  if (path === undefined) {
    return undefined;
  }
  if (!isAbsolute(path)) {
    throw invalid("caFile", path, "give the absolute path of the PEM file on the console's host");
  }
  return path;
}

function requiredText(field: ConnectionField, value: string | undefined, max: number): string {
  const text = optionalText(field, value, max);
  if (text === undefined) {
    throw new ConnectionValidationError(field, value ?? "", `missing ${field}: it is required; fill it in`);
  }
  return text;
}

function optionalText(field: ConnectionField, value: string | undefined, max: number): string | undefined {
  const text = present(value);
  if (text === undefined) {
    return undefined;
  }
  if (CONTROLS.test(text) || LONE_SURROGATE.test(text)) {
    throw invalid(field, text, "it contains control characters; retype it");
  }
  if (text.length > max) {
    throw invalid(field, text, `it is ${text.length} characters long, over the limit of ${max}`);
  }
  return text;
}

/** Returns the trimmed value, or undefined when it is absent or blank. */
function present(value: string | undefined): string | undefined {
  const text = value?.trim();
  return text === undefined || text === "" ? undefined : text;
}

function fromSettingsError<T>(field: ConnectionField, value: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof ConnectionSettingsError) {
      throw new ConnectionValidationError(field, value, escapeControls(error.message));
    }
    throw error;
  }
}

function invalid(field: ConnectionField, value: string, problem: string): ConnectionValidationError {
  const quoted = value.length > 200 ? `${value.slice(0, 200)}...` : value;
  return new ConnectionValidationError(field, value, `invalid ${field} '${escapeControls(quoted)}': ${problem}`);
}
