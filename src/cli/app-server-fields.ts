/**
 * Turns the options of `infio app servers add|change` into the fields of
 * a server. A live server takes the connection options of `infio assess
 * --server`, checked the same way; the store keeps them and where the
 * password comes from, never the password itself. A script folder takes
 * `--scripts DIR`.
 */

import { statSync } from "node:fs";
import { resolve } from "node:path";

import type { SecretSource } from "../security/secrets/resolve.js";
import type {
  Environment,
  LiveConnection,
  SecretReference,
  ServerFields,
  ServerSource,
} from "../store/application-model.js";
import type { CliContext } from "./context.js";
import { UsageError } from "./errors.js";
import { liveOptionsFrom, namesLiveServer, rejectConnectionOptions, type RawLiveOptions } from "./live-options.js";

/** The server options as commander parses them. */
export interface RawServerOptions extends RawLiveOptions {
  production?: boolean;
  nonProduction?: boolean;
  scripts?: string;
  /** A saved connection of the web console, by name. */
  savedConnection?: string;
  excludeDatabase: string[];
  /** `change` only: a new name. */
  rename?: string;
  /** `change` only: assess every user database again. */
  allDatabases?: boolean;
  /** `change` only: exclude no database. */
  clearExcludedDatabases?: boolean;
}

/** The keys of RawLiveOptions that carry the password's source. */
const PASSWORD_KEYS = ["password", "passwordEnv", "passwordFile", "secretArn"] as const;

/** The keys of RawLiveOptions kept in LiveConnection, apart from the password's source. */
const CONNECTION_KEYS = [
  "server",
  "connectionString",
  "user",
  "tls",
  "tlsCa",
  "serverName",
  "trustServerCertificate",
  "timeout",
  "connectTimeout",
  "retries",
] as const;

/** Builds the fields of a new server; throws UsageError naming the option at fault. */
export function newServerFields(name: string, raw: RawServerOptions, ctx: CliContext): ServerFields {
  const environment = environmentOf(raw);
  if (environment === undefined) {
    throw new UsageError("pass --production or --non-production: every server of an application is one of the two");
  }
  const live = namesLiveServer(raw);
  const kinds = [live, raw.scripts !== undefined, raw.savedConnection !== undefined].filter(Boolean).length;
  if (kinds > 1) {
    throw new UsageError(
      "a server is a live SQL Server, a saved connection or a script folder, not several: pass one of " +
        "--server, --saved-connection and --scripts",
    );
  }
  if (kinds === 0) {
    throw new UsageError(
      "nothing to assess: pass --server HOST (or --connection-string, --secret-arn) for a live server, " +
        "--saved-connection NAME for a connection saved in the web console, or --scripts DIR for a folder " +
        "of T-SQL scripts",
    );
  }
  if (raw.scripts !== undefined) {
    return scriptsFields(name, environment, raw, ctx);
  }
  if (raw.savedConnection !== undefined) {
    return savedConnectionFields(name, environment, raw, raw.database, raw.includeSystemDatabases === true);
  }
  return liveFields(name, environment, raw, raw.database, raw.includeSystemDatabases === true, ctx);
}

/**
 * Builds the fields of a changed server: the options given replace the
 * stored values, and the others stay. Connection options change a live
 * server's connection; a new password option replaces the stored source.
 */
export function changedServerFields(current: ServerFields, raw: RawServerOptions, ctx: CliContext): ServerFields {
  const name = raw.rename ?? current.name;
  const environment = environmentOf(raw) ?? current.environment;
  if (raw.scripts !== undefined) {
    return scriptsFields(name, environment, raw, ctx);
  }

  const givenLive = liveKeysGiven(raw);
  let databases = [...current.databases];
  if (raw.allDatabases === true) {
    databases = [];
  } else if (raw.database.length > 0) {
    databases = raw.database;
  }
  const includeSystem = raw.includeSystemDatabases ?? current.includeSystemDatabases;
  const savedConnection =
    raw.savedConnection ??
    (current.source.kind === "live" && current.source.secret.kind === "saved-connection" && givenLive.length === 0
      ? current.source.secret.id
      : undefined);
  if (savedConnection !== undefined) {
    const excluded = excludedDatabasesOf(current, raw);
    return savedConnectionFields(name, environment, { ...raw, savedConnection, excludeDatabase: excluded }, databases, includeSystem);
  }
  if (current.source.kind === "scripts" && givenLive.length === 0) {
    rejectConnectionOptions(raw, "a script folder");
    rejectDatabaseOptions(raw);
    return { ...current, name, environment };
  }
  if (current.source.kind === "scripts" && !namesLiveServer(raw)) {
    throw new UsageError(
      `server '${current.name}' is a script folder: to make it a live server, pass --server HOST or --connection-string`,
    );
  }

  const base: Record<string, unknown> =
    current.source.kind === "live" ? { ...rawOfLive(current.source.connection, current.source.secret) } : {};
  if (raw.server !== undefined) {
    delete base.connectionString;
  }
  if (raw.connectionString !== undefined) {
    delete base.server;
  }
  if (PASSWORD_KEYS.some((key) => raw[key] !== undefined)) {
    for (const key of PASSWORD_KEYS) {
      delete base[key];
    }
  }
  for (const key of givenLive) {
    base[key] = raw[key];
  }

  const excluded = excludedDatabasesOf(current, raw);
  const merged = { ...base, database: databases, excludeDatabase: excluded } as unknown as RawServerOptions;
  return liveFields(name, environment, merged, databases, includeSystem, ctx);
}

/** Returns the excluded databases after a change: cleared, replaced by the options, or kept. */
function excludedDatabasesOf(current: ServerFields, raw: RawServerOptions): string[] {
  if (raw.clearExcludedDatabases === true) {
    return [];
  }
  return raw.excludeDatabase.length > 0 ? raw.excludeDatabase : [...current.excludedDatabases];
}

function scriptsFields(name: string, environment: Environment, raw: RawServerOptions, ctx: CliContext): ServerFields {
  rejectConnectionOptions(raw, "a script folder");
  rejectDatabaseOptions(raw);
  const path = resolve(ctx.cwd, raw.scripts!);
  let folder = false;
  try {
    folder = statSync(path).isDirectory();
  } catch {
    folder = false;
  }
  if (!folder) {
    throw new UsageError(`invalid --scripts '${raw.scripts}': no such folder; pass the folder of the application's T-SQL scripts`);
  }
  return {
    name,
    environment,
    source: { kind: "scripts", path },
    databases: [],
    excludedDatabases: [],
    includeSystemDatabases: false,
  };
}

/**
 * Builds the fields of a server reached through a saved connection of the
 * web console. The secret reference holds the connection's name as given;
 * the run looks it up and stores the connection's id instead.
 */
function savedConnectionFields(
  name: string,
  environment: Environment,
  raw: RawServerOptions,
  databases: readonly string[],
  includeSystemDatabases: boolean,
): ServerFields {
  const { database: _database, includeSystemDatabases: _system, ...connectionOnly } = raw;
  rejectConnectionOptions({ ...connectionOnly, database: [] }, "a saved connection, which has its own connection settings");
  const reference = raw.savedConnection!.trim();
  if (reference === "") {
    throw new UsageError("invalid --saved-connection '': pass the name of a connection saved in the web console");
  }
  const included = uniqueNames(databases, "--database");
  const excluded = uniqueNames(raw.excludeDatabase, "--exclude-database");
  checkNotBoth(included, excluded);
  return {
    name,
    environment,
    source: { kind: "live", connection: {}, secret: { kind: "saved-connection", id: reference } },
    databases: included,
    excludedDatabases: excluded,
    includeSystemDatabases,
  };
}

function liveFields(
  name: string,
  environment: Environment,
  raw: RawServerOptions,
  databases: readonly string[],
  includeSystemDatabases: boolean,
  ctx: CliContext,
): ServerFields {
  // Checked as `infio assess --server` checks them, with a terminal, so
  // that no password option means the prompt, as it does there.
  const live = liveOptionsFrom({ ...raw, database: [...databases] }, { ...ctx, terminal: ctx.terminal ?? PROMPT_ALLOWED });
  const excluded = uniqueNames(raw.excludeDatabase, "--exclude-database");
  checkNotBoth(live.databases, excluded);

  const source: ServerSource = {
    kind: "live",
    connection: liveConnectionOf(raw, ctx.cwd),
    secret: secretReferenceOf(live.parsed.passwordSource, ctx.cwd),
  };
  return {
    name,
    environment,
    source,
    databases: live.databases,
    excludedDatabases: excluded,
    includeSystemDatabases,
  };
}

/**
 * Stands in for a terminal when the options are checked: a stored server
 * whose password is prompted for is valid, and the prompt happens, or is
 * rejected without a terminal, when it is assessed.
 */
const PROMPT_ALLOWED = {
  input: { setEncoding: () => undefined, on: () => undefined, off: () => undefined, resume: () => undefined, pause: () => undefined },
  output: { write: () => undefined },
};

/** Returns the raw options of a stored live server, as `infio assess --server` would take them. */
export function rawOfLive(connection: LiveConnection, secret: SecretReference): Partial<RawLiveOptions> {
  const raw: Partial<RawLiveOptions> = {};
  for (const key of CONNECTION_KEYS) {
    const value = connection[key];
    if (value !== undefined) {
      (raw as Record<string, unknown>)[key] = value;
    }
  }
  switch (secret.kind) {
    case "env":
      return { ...raw, passwordEnv: secret.variable };
    case "file":
      return { ...raw, passwordFile: secret.path };
    case "secret-arn":
      return { ...raw, secretArn: secret.arn };
    case "prompt":
      return { ...raw, password: "prompt" };
    case "saved-connection":
      return raw;
  }
}

function liveConnectionOf(raw: RawLiveOptions, cwd: string): LiveConnection {
  const connection: Record<string, string | boolean> = {};
  for (const key of CONNECTION_KEYS) {
    const value = raw[key];
    if (value !== undefined) {
      connection[key] = value;
    }
  }
  // Kept absolute, because `assess --app` may run from another folder.
  if (raw.tlsCa !== undefined) {
    connection.tlsCa = resolve(cwd, raw.tlsCa);
  }
  return connection as LiveConnection;
}

function secretReferenceOf(source: SecretSource, cwd: string): SecretReference {
  switch (source.kind) {
    case "env":
      return { kind: "env", variable: source.name };
    case "file":
      return { kind: "file", path: resolve(cwd, source.path) };
    case "prompt":
      return { kind: "prompt" };
    case "aws-secrets-manager":
      return { kind: "secret-arn", arn: source.secretId };
  }
}

/** Returns the live option keys given on the command line. */
function liveKeysGiven(raw: RawServerOptions): (keyof RawLiveOptions & string)[] {
  return [...CONNECTION_KEYS, ...PASSWORD_KEYS].filter((key) => raw[key] !== undefined);
}

function environmentOf(raw: RawServerOptions): Environment | undefined {
  if (raw.production === true && raw.nonProduction === true) {
    throw new UsageError("--production and --non-production contradict each other; pass one of them");
  }
  if (raw.production === true) {
    return "production";
  }
  return raw.nonProduction === true ? "non-production" : undefined;
}

function rejectDatabaseOptions(raw: RawServerOptions): void {
  if (raw.excludeDatabase.length > 0 || raw.allDatabases === true || raw.clearExcludedDatabases === true) {
    throw new UsageError(
      "database options apply to a live server only, not to a script folder; leave --exclude-database, " +
        "--all-databases and --clear-excluded-databases out",
    );
  }
}

function checkNotBoth(included: readonly string[], excluded: readonly string[]): void {
  const both = excluded.filter((e) => included.some((d) => d.toLowerCase() === e.toLowerCase()));
  if (both.length > 0) {
    throw new UsageError(`database '${both[0]}' is both included (--database) and excluded (--exclude-database); pass one of the two`);
  }
}

/** Drops repeats, which SQL Server's default collations compare without case. */
function uniqueNames(names: readonly string[], option: string): string[] {
  const unique = new Map<string, string>();
  for (const name of names) {
    const trimmed = name.trim();
    if (trimmed === "") {
      throw new UsageError(`invalid ${option} '': pass the name of a database`);
    }
    if (!unique.has(trimmed.toLowerCase())) {
      unique.set(trimmed.toLowerCase(), trimmed);
    }
  }
  return [...unique.values()];
}
