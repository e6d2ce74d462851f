/**
 * The options that point `infio assess` and `infio collect` at a live SQL
 * Server: the options themselves, and their parsing into LiveOptions. Each
 * value is checked before anything connects, so that invalid usage ends
 * with exit code 2 at once; files and the password are read later.
 */

import { Command, Option } from "commander";

import {
  connectionDefaults,
  ConnectionSettingsError,
  parseConnectionOptions,
  parseDuration,
  type ConnectionOptions,
  type ParsedConnectionOptions,
} from "../sources/sqlserver/connection/index.js";
import { collect } from "./command.js";
import type { CliContext } from "./context.js";
import { UsageError } from "./errors.js";

/** A live server to read, checked but not yet connected to. */
export interface LiveOptions {
  /** The connection options as given, for the connector to resolve. */
  readonly connection: ConnectionOptions;
  readonly parsed: ParsedConnectionOptions;
  /** Databases to read; every user database when empty. */
  readonly databases: readonly string[];
  readonly includeSystemDatabases: boolean;
  /** Databases left out of the ones chosen; set by `assess --app` from a server's settings. */
  readonly excludeDatabases?: readonly string[];
  /** Whether the password may be prompted for. */
  readonly interactive: boolean;
}

/** The options as commander parses them. */
export interface RawLiveOptions {
  server?: string;
  connectionString?: string;
  user?: string;
  password?: string;
  passwordEnv?: string;
  passwordFile?: string;
  secretArn?: string;
  database: string[];
  includeSystemDatabases?: boolean;
  tls?: string;
  tlsCa?: string;
  serverName?: string;
  trustServerCertificate?: boolean;
  timeout?: string;
  connectTimeout?: string;
  retries?: string;
}

/** Options that only make sense with a live server, for usage errors. */
const CONNECTION_ONLY: readonly (readonly [keyof RawLiveOptions, string])[] = [
  ["user", "--user"],
  ["password", "--password"],
  ["passwordEnv", "--password-env"],
  ["passwordFile", "--password-file"],
  ["includeSystemDatabases", "--include-system-databases"],
  ["tls", "--tls"],
  ["tlsCa", "--tls-ca"],
  ["serverName", "--server-name"],
  ["trustServerCertificate", "--trust-server-certificate"],
  ["timeout", "--timeout"],
  ["connectTimeout", "--connect-timeout"],
  ["retries", "--retries"],
];

/** Adds the connection options to `command`. */
export function addConnectionOptions(command: Command): Command {
  return command
    .option("-S, --server <address>", "SQL Server to read: HOST, HOST,PORT or HOST\\INSTANCE")
    .option(
      "--connection-string <text>",
      "ADO.NET connection string (Server, Database, User ID, Encrypt, ...); a password in it is rejected",
    )
    .option("-U, --user <name>", "SQL login to sign in with")
    .option("--password-env <var>", "read the password from this environment variable")
    .option("--password-file <file>", "read the password from this file, which only you may read (chmod 600)")
    .option("--secret-arn <arn>", "read user name and password from this AWS Secrets Manager secret")
    .addOption(
      new Option(
        "-P, --password <source>",
        "where to read the password: env:NAME, file:PATH, prompt or a Secrets Manager ARN; " +
          "the password itself is rejected (default: prompt on a terminal)",
      ),
    )
    .option("-d, --database <name>", "read only this database (repeatable; default: every user database)", collect, [])
    .option("--include-system-databases", "also read master, model and msdb (never tempdb, which contains no persistent code)")
    .option("--tls <mode>", "on (TDS 7.4 with TLS, the default) or strict (TDS 8.0, SQL Server 2022 and later)")
    .option("--tls-ca <file>", "PEM file of the CA that signed the server's certificate (default: system CAs)")
    .option("--server-name <name>", "name the server's certificate must carry (default: the host of --server)")
    .option(
      "--trust-server-certificate",
      "do not verify the server's certificate: insecure, logged, and stated in the report",
    )
    .option("--timeout <seconds>", "longest wait for the rows of one catalog query, in seconds (default 30)")
    .option(
      "--connect-timeout <seconds>",
      "longest wait to connect and sign in to the server, in seconds or with a unit such as 500ms (default 15)",
    )
    .option(
      "--retries <n>",
      "attempts after the first when a connection or query fails with a transient error " +
        "(deadlock, failover, reset connection), 0 to 10 (default 3)",
    );
}

/** Returns true when the options name a live server. */
export function namesLiveServer(raw: RawLiveOptions): boolean {
  return raw.server !== undefined || raw.connectionString !== undefined || raw.secretArn !== undefined;
}

/**
 * Throws a UsageError when a connection option is given without a server,
 * where it would be silently ignored.
 */
export function rejectConnectionOptions(raw: RawLiveOptions, source: string): void {
  const given = CONNECTION_ONLY.filter(([key]) => raw[key] !== undefined).map(([, option]) => option);
  if (raw.database.length > 0) {
    given.push("--database");
  }
  if (given.length > 0) {
    throw new UsageError(
      `${given.join(", ")} ${given.length === 1 ? "applies" : "apply"} to a live server only, ` +
        `not to ${source}; pass --server or --connection-string, or leave ${given.length === 1 ? "it" : "them"} out`,
    );
  }
}

/** Checks the connection options; throws a UsageError naming the option at fault. */
export function liveOptionsFrom(raw: RawLiveOptions, ctx: CliContext): LiveOptions {
  const databases = uniqueNames(raw.database);
  const interactive = ctx.terminal !== undefined;
  let parsed: ParsedConnectionOptions;
  let connection: ConnectionOptions;
  try {
    connection = connectionOptionsOf(raw);
    // With the databases, so that a Database= in the connection string
    // that differs from --database fails here rather than when connecting.
    parsed = parseConnectionOptions({ ...connection, databases }, interactive);
  } catch (error) {
    if (error instanceof ConnectionSettingsError) {
      throw new UsageError(error.message);
    }
    throw error;
  }

  // Database= in a connection string limits the scope like --database.
  if (databases.length === 0 && parsed.database !== undefined) {
    databases.push(parsed.database);
  }
  return {
    connection,
    parsed,
    databases,
    includeSystemDatabases: raw.includeSystemDatabases === true,
    interactive,
  };
}

/**
 * Maps the options to the connector's names; `--timeout` is its statement
 * timeout. parseConnectionOptions checks `--connect-timeout` and
 * `--retries` against their ranges.
 */
function connectionOptionsOf(raw: RawLiveOptions): ConnectionOptions {
  const timeout =
    raw.timeout === undefined
      ? undefined
      : parseDuration("--timeout", raw.timeout, { ...connectionDefaults.STATEMENT_TIMEOUT_RANGE, unit: "s" });
  return {
    ...defined("server", raw.server),
    ...defined("connectionString", raw.connectionString),
    ...defined("user", raw.user),
    ...defined("password", raw.password),
    ...defined("passwordEnv", raw.passwordEnv),
    ...defined("passwordFile", raw.passwordFile),
    ...defined("secretArn", raw.secretArn),
    ...defined("tls", raw.tls),
    ...defined("tlsCa", raw.tlsCa),
    ...defined("serverName", raw.serverName),
    ...(raw.trustServerCertificate === true ? { trustServerCertificate: true } : {}),
    ...(timeout === undefined ? {} : { statementTimeout: `${timeout}ms` }),
    ...defined("connectTimeout", raw.connectTimeout),
    ...defined("retries", raw.retries),
  };
}

/** Drops repeats, which SQL Server's default collations compare without case. */
function uniqueNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  const unique: string[] = [];
  for (const name of names) {
    const trimmed = name.trim();
    if (trimmed === "") {
      throw new UsageError("invalid --database '': pass the name of a database");
    }
    if (!seen.has(trimmed.toLowerCase())) {
      seen.add(trimmed.toLowerCase());
      unique.push(trimmed);
    }
  }
  return unique;
}

function defined<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}
