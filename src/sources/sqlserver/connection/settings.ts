/**
 * Connection settings for a live SQL Server, from the command-line
 * options and an optional ADO.NET connection string. Parsing has two
 * steps: `parseConnectionOptions` checks every value without touching the
 * file system or the terminal, so invalid usage is reported at once, and
 * `resolveConnectionSettings` then reads the CA file and the password.
 */

import type { ResolveSecretOptions, SecretSource } from "../../../security/secrets/resolve.js";
import type { Secret } from "../../../security/secrets/secret.js";
import { parseConnectionString, type ConnectionStringSettings } from "./connection-string.js";
import { parseLimits, type LimitOptions, type Limits } from "./limits.js";
import { passwordSource, resolveCredentials, type PasswordOptions } from "./password-source.js";
import { pickSetting } from "./pick-setting.js";
import { DEFAULT_PORT, parseServerAddress, type ServerAddress } from "./server-address.js";
import { ConnectionSettingsError } from "./settings-error.js";
import { readCaFile, type TlsSettings } from "./tls.js";
import { parseTlsOptions, type ParsedTlsOptions, type TlsOptions } from "./tls-options.js";

export type { RetrySettings } from "./limits.js";

/** Command-line values as given; numbers may already be parsed. */
export interface ConnectionOptions extends Omit<PasswordOptions, "interactive">, TlsOptions, LimitOptions {
  /** `--server HOST[,PORT|\INSTANCE]`. */
  readonly server?: string;
  readonly connectionString?: string;
  readonly user?: string;
  /**
   * `--database`, repeatable: the databases to assess. Database= in the
   * connection string names one too, and then the two must agree.
   */
  readonly databases?: readonly string[];
}

export interface ConnectionSettings extends Limits {
  readonly server: ServerAddress;
  readonly user: string;
  readonly password: Secret;
  /**
   * The one database to assess, from Database= or a single --database;
   * undefined when none or several were named.
   */
  readonly database: string | undefined;
  readonly tls: TlsSettings;
  /** Connect to every address of an availability group listener at once. */
  readonly multiSubnetFailover: boolean;
  /** Connection string keywords without effect, for a warning. */
  readonly ignoredKeywords: readonly string[];
}

/** Every setting checked, before the CA file and the password are read. */
export interface ParsedConnectionOptions extends ParsedTlsOptions, Limits {
  /** Undefined only when a Secrets Manager secret is to give the host. */
  readonly server: ServerAddress | undefined;
  readonly user: string | undefined;
  readonly database: string | undefined;
  readonly passwordSource: SecretSource;
  readonly multiSubnetFailover: boolean;
  readonly ignoredKeywords: readonly string[];
}

export interface SettingsEnvironment extends ResolveSecretOptions {
  /** Whether standard input is a terminal, so the password can be prompted for. */
  readonly interactive: boolean;
}

/**
 * Checks the options without reading files or prompting. Throws a
 * ConnectionSettingsError naming the option, the value and the fix.
 */
export function parseConnectionOptions(options: ConnectionOptions, interactive: boolean): ParsedConnectionOptions {
  const fromString: ConnectionStringSettings =
    options.connectionString === undefined
      ? { ignoredKeywords: [] }
      : parseConnectionString(options.connectionString);
  const source = passwordSource({ ...options, interactive });

  const address = options.server === undefined ? undefined : parseServerAddress(options.server);
  const server = pickSetting("--server", address, "Server", fromString.server, sameAddress, (a) => a.text);
  if (server === undefined && source.kind !== "aws-secrets-manager") {
    throw new ConnectionSettingsError(
      "--server",
      "no server given: pass --server HOST[,PORT|\\INSTANCE] or Server= in --connection-string",
    );
  }

  const user = pickSetting("--user", nonEmpty("--user", options.user), "User ID", fromString.user);
  const database = pickDatabase(options.databases ?? [], fromString.database);

  return {
    server,
    user,
    database,
    passwordSource: source,
    ...parseTlsOptions(options, fromString),
    ...parseLimits(options, fromString),
    multiSubnetFailover: fromString.multiSubnetFailover ?? false,
    ignoredKeywords: fromString.ignoredKeywords,
  };
}

/**
 * Parses the options, reads the CA file and resolves the password, which
 * may prompt. Throws a ConnectionSettingsError for invalid options and
 * the SecurityError of a password source that cannot be read.
 */
export async function resolveConnectionSettings(
  options: ConnectionOptions,
  environment: SettingsEnvironment,
): Promise<ConnectionSettings> {
  const parsed = parseConnectionOptions(options, environment.interactive);
  const ca =
    parsed.caFile === undefined
      ? undefined
      : await readCaFile(parsed.caFile.path, parsed.caFile.option, environment.cwd);

  const credentials = await resolveCredentials(parsed.passwordSource, parsed.user, {
    ...environment,
    ...promptFor(parsed, environment),
  });
  const server = parsed.server ?? serverFromSecret(credentials.host, credentials.port);

  return {
    server,
    user: credentials.user,
    password: credentials.password,
    database: parsed.database,
    tls: {
      mode: parsed.tlsMode,
      ca,
      serverName: parsed.serverName ?? server.host,
      trustServerCertificate: parsed.trustServerCertificate,
    },
    connectTimeoutMs: parsed.connectTimeoutMs,
    statementTimeoutMs: parsed.statementTimeoutMs,
    retry: parsed.retry,
    maxOpenDatabases: parsed.maxOpenDatabases,
    connectionsPerDatabase: parsed.connectionsPerDatabase,
    multiSubnetFailover: parsed.multiSubnetFailover,
    ignoredKeywords: parsed.ignoredKeywords,
  };
}

/** Names the user and the server in the password prompt, unless the caller set a message. */
function promptFor(
  parsed: ParsedConnectionOptions,
  environment: SettingsEnvironment,
): Pick<ResolveSecretOptions, "terminal"> {
  const terminal = environment.terminal;
  if (terminal === undefined) {
    return {};
  }
  const user = parsed.user ?? "the login";
  const server = parsed.server?.text ?? "the server";
  return { terminal: { ...terminal, message: terminal.message ?? `Password for ${user} on ${server}: ` } };
}

function serverFromSecret(host: string | undefined, port: number | undefined): ServerAddress {
  if (host === undefined) {
    throw new ConnectionSettingsError(
      "--server",
      "no server given: the Secrets Manager secret has no 'host', so pass --server HOST[,PORT|\\INSTANCE]",
    );
  }
  const text = port === undefined || port === DEFAULT_PORT ? host : `${host},${port}`;
  return parseServerAddress(text, "the secret's host");
}

function sameAddress(a: ServerAddress, b: ServerAddress): boolean {
  return (
    a.host.toLowerCase() === b.host.toLowerCase() &&
    a.port === b.port &&
    a.instance?.toLowerCase() === b.instance?.toLowerCase()
  );
}

/**
 * Returns the one database that --database or Database= names. Database=
 * limits the scope as --database does, so when both are given, each
 * --database must name the same database, compared without case as
 * SQL Server's default collations do. A scope that would silently drop
 * one of them is rejected, as a differing Server= or User ID= is.
 */
function pickDatabase(databases: readonly string[], fromString: string | undefined): string | undefined {
  const names = databases.map((name) => nonEmpty("--database", name) ?? "");
  const differing = names.find((name) => fromString !== undefined && name.toLowerCase() !== fromString.toLowerCase());
  if (differing !== undefined) {
    throw new ConnectionSettingsError(
      "--database",
      `--database '${differing}' differs from Database=${fromString} in --connection-string; ` +
        "name the databases once, with --database (repeatable) or with Database=",
    );
  }
  return fromString ?? (names.length === 1 ? names[0] : undefined);
}

function nonEmpty(option: string, value: string | undefined): string | undefined {
  if (value !== undefined && value.trim() === "") {
    throw new ConnectionSettingsError(option, `invalid ${option} '': it is empty; give a value or leave the option out`);
  }
  return value?.trim();
}
