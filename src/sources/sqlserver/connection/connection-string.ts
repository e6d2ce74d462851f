/**
 * `--connection-string` in ADO.NET form, mapped onto infio's connection
 * settings. Keywords and synonyms follow the SqlConnection.ConnectionString
 * and SqlConnectionStringBuilder pages of Microsoft.Data.SqlClient 5.x on
 * Microsoft Learn. A password in the string is rejected, because
 * the command line is visible in the process list, and so is any setting
 * that would lower the connection's security or write to the server.
 */

import { tokenizeConnectionString, type ConnectionStringPair } from "./connection-string-syntax.js";
import { CONNECT_TIMEOUT_RANGE, STATEMENT_TIMEOUT_RANGE } from "./defaults.js";
import { parseDuration } from "./numbers.js";
import { parseServerAddress, type ServerAddress } from "./server-address.js";
import { ConnectionSettingsError } from "./settings-error.js";
import type { TlsMode } from "./tls.js";

/** Settings from a connection string; a member is undefined when the string lacks its keyword. */
export interface ConnectionStringSettings {
  readonly server?: ServerAddress;
  readonly database?: string;
  readonly user?: string;
  readonly tlsMode?: TlsMode;
  /** TrustServerCertificate; true only counts with the command-line flag. */
  readonly trustServerCertificate?: boolean;
  /** HostNameInCertificate. */
  readonly serverName?: string;
  /** Server Certificate: a file path, read as a CA file. */
  readonly caFile?: string;
  readonly connectTimeoutMs?: number;
  readonly statementTimeoutMs?: number;
  readonly multiSubnetFailover?: boolean;
  /**
   * Keywords accepted but without effect in infio (Application Name,
   * Pooling, ...), as written, so the caller can say they were ignored.
   */
  readonly ignoredKeywords: readonly string[];
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Apply = (settings: Mutable<ConnectionStringSettings>, pair: ConnectionStringPair) => void;

const OPTION = "--connection-string";

const SERVER: Apply = (settings, pair) => {
  settings.server = parseServerAddress(pair.value, `${OPTION} ${pair.keyword}`);
};
const DATABASE: Apply = (settings, pair) => {
  settings.database = nonEmpty(pair);
};
const USER: Apply = (settings, pair) => {
  settings.user = nonEmpty(pair);
};
const TRUST: Apply = (settings, pair) => {
  settings.trustServerCertificate = parseBoolean(pair);
};
const SERVER_NAME: Apply = (settings, pair) => {
  settings.serverName = nonEmpty(pair);
};
const CONNECT_TIMEOUT: Apply = (settings, pair) => {
  settings.connectTimeoutMs = parseSeconds(pair, CONNECT_TIMEOUT_RANGE);
};
const MULTI_SUBNET: Apply = (settings, pair) => {
  settings.multiSubnetFailover = parseBoolean(pair);
};

const KEYWORDS: Readonly<Record<string, Apply>> = {
  server: SERVER,
  "data source": SERVER,
  address: SERVER,
  addr: SERVER,
  "network address": SERVER,
  database: DATABASE,
  "initial catalog": DATABASE,
  "user id": USER,
  uid: USER,
  user: USER,
  password: rejectPassword,
  pwd: rejectPassword,
  encrypt: (settings, pair) => {
    settings.tlsMode = parseEncrypt(pair);
  },
  trustservercertificate: TRUST,
  "trust server certificate": TRUST,
  hostnameincertificate: SERVER_NAME,
  "host name in certificate": SERVER_NAME,
  "server certificate": (settings, pair) => {
    // NOTE: SqlClient matches the server's certificate against this file,
    // while infio trusts the file as a CA. That accepts the same
    // self-signed certificate, and also any certificate it signed.
    settings.caFile = nonEmpty(pair);
  },
  servercertificate: (settings, pair) => {
    settings.caFile = nonEmpty(pair);
  },
  "connect timeout": CONNECT_TIMEOUT,
  "connection timeout": CONNECT_TIMEOUT,
  timeout: CONNECT_TIMEOUT,
  "command timeout": (settings, pair) => {
    settings.statementTimeoutMs = parseSeconds(pair, STATEMENT_TIMEOUT_RANGE);
  },
  "application intent": checkApplicationIntent,
  applicationintent: checkApplicationIntent,
  multisubnetfailover: MULTI_SUBNET,
  "multi subnet failover": MULTI_SUBNET,
  "integrated security": rejectIntegratedSecurity,
  trusted_connection: rejectIntegratedSecurity,
  authentication: (_settings, pair) => {
    if (!/^sql ?password$/i.test(pair.value)) {
      throw invalid(pair, "infio signs in with SQL Server authentication only; use Authentication=SqlPassword or leave it out");
    }
  },
};

/**
 * Keywords that only tune SqlClient's own behaviour (pooling, packet
 * size, MARS) or name the client: infio sets those itself.
 */
const IGNORED = new Set([
  "application name",
  "app",
  "workstation id",
  "wsid",
  "pooling",
  "max pool size",
  "min pool size",
  "connection lifetime",
  "load balance timeout",
  "persist security info",
  "persistsecurityinfo",
  "packet size",
  "connect retry count",
  "connectretrycount",
  "connect retry interval",
  "connectretryinterval",
  "multipleactiveresultsets",
  "multiple active result sets",
  "transparentnetworkipresolution",
  "transparent network ip resolution",
  "current language",
  "language",
  "type system version",
  "enlist",
  "column encryption setting",
  "pool blocking period",
  "poolblockingperiod",
  "ip address preference",
  "ipaddresspreference",
  "failover partner",
]);

/** Parses an ADO.NET connection string. The last of repeated keywords wins, as in SqlClient. */
export function parseConnectionString(text: string): ConnectionStringSettings {
  const pairs = tokenizeConnectionString(text);
  if (pairs.length === 0) {
    throw new ConnectionSettingsError(OPTION, `invalid ${OPTION}: it is empty; pass at least Server=HOST`);
  }

  // A password anywhere rejects the whole string before any other message
  // could mention it.
  const password = pairs.find((pair) => pair.normalized === "password" || pair.normalized === "pwd");
  if (password !== undefined) {
    rejectPassword({}, password);
  }

  const settings: Mutable<ConnectionStringSettings> = { ignoredKeywords: [] };
  const ignored: string[] = [];
  for (const pair of pairs) {
    const apply = KEYWORDS[pair.normalized];
    if (apply !== undefined) {
      apply(settings, pair);
    } else if (IGNORED.has(pair.normalized)) {
      ignored.push(pair.keyword);
    } else {
      throw new ConnectionSettingsError(
        OPTION,
        `invalid ${OPTION}: unknown keyword '${pair.keyword}'; infio reads Server, Database, User ID, ` +
          "Encrypt, TrustServerCertificate, HostNameInCertificate, Server Certificate, Connect Timeout, " +
          "Command Timeout, Application Intent and MultiSubnetFailover",
      );
    }
  }
  settings.ignoredKeywords = ignored;
  return settings;
}

function rejectPassword(_settings: unknown, pair: ConnectionStringPair): never {
  throw new ConnectionSettingsError(
    OPTION,
    `invalid ${OPTION}: it contains ${pair.keyword}=, and a password on the command line can be read by ` +
      "other users in the process list and stays in your shell history, so the connection string was " +
      "rejected and not used. Remove the password and pass it with --password-env VAR, --password-file FILE, " +
      "--secret-arn ARN or at the prompt",
  );
}

function rejectIntegratedSecurity(_settings: unknown, pair: ConnectionStringPair): void {
  if (/^(false|no)$/i.test(pair.value)) {
    return;
  }
  throw invalid(
    pair,
    "Windows authentication is not supported; remove it and sign in with a SQL login (User ID and a password option)",
  );
}

function checkApplicationIntent(_settings: unknown, pair: ConnectionStringPair): void {
  if (/^read ?only$/i.test(pair.value)) {
    return;
  }
  if (/^read ?write$/i.test(pair.value)) {
    throw invalid(pair, "infio only reads and always connects with ApplicationIntent=ReadOnly; remove the keyword");
  }
  throw invalid(pair, "pass ReadOnly, which infio uses anyway, or leave it out");
}

function parseEncrypt(pair: ConnectionStringPair): TlsMode {
  const value = pair.value.trim().toLowerCase();
  if (value === "strict") {
    return "strict";
  }
  if (value === "mandatory" || value === "true" || value === "yes") {
    return "on";
  }
  if (value === "optional" || value === "false" || value === "no") {
    throw invalid(
      pair,
      "infio always encrypts the connection to SQL Server; use Encrypt=Mandatory (TDS 7.4 with TLS), " +
        "Encrypt=Strict (TDS 8.0) or leave it out",
    );
  }
  throw invalid(pair, "pass Strict, Mandatory or True");
}

function parseBoolean(pair: ConnectionStringPair): boolean {
  const value = pair.value.trim().toLowerCase();
  if (value === "true" || value === "yes") {
    return true;
  }
  if (value === "false" || value === "no") {
    return false;
  }
  throw invalid(pair, "pass True or False");
}

function parseSeconds(pair: ConnectionStringPair, range: { readonly minMs: number; readonly maxMs: number }): number {
  if (!/^\s*\d+\s*$/.test(pair.value)) {
    throw invalid(pair, "pass a whole number of seconds");
  }
  return parseDuration(`${OPTION} ${pair.keyword}`, pair.value, { ...range, unit: "s" });
}

function nonEmpty(pair: ConnectionStringPair): string {
  if (pair.value.trim() === "") {
    throw invalid(pair, "it is empty; give a value or leave the keyword out");
  }
  return pair.value.trim();
}

function invalid(pair: ConnectionStringPair, fix: string): ConnectionSettingsError {
  return new ConnectionSettingsError(OPTION, `invalid ${OPTION} ${pair.keyword}=${pair.value}: ${fix}`);
}
