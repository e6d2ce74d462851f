/**
 * Classifies mssql and tedious errors as SqlServerErrors. The kind lets
 * the collector decide whether to skip a part, skip a database or stop.
 * The message names the server, the database and the query, and the next
 * step. The known secrets are masked in every message, whatever the
 * driver put in it, so no message contains the password.
 */

import { createRedactor } from "../../../security/secrets/redact.js";
import type { Secret } from "../../../security/secrets/secret.js";
import { SqlServerError, type SqlServerErrorKind } from "../errors.js";
import { driverErrorDetails, isHandshakeReset, type DriverErrorDetails, type ServerMessageInfo } from "./driver-error.js";
import { formatDuration } from "./numbers.js";
import { PERMISSION_ERROR_NUMBERS } from "./transient.js";

export interface ErrorContext {
  /** Server as the user named it. */
  readonly server: string;
  readonly database?: string;
  readonly queryId?: string;
  /** The permission the query needs, from its CatalogQuery. */
  readonly permission?: string;
  readonly user?: string;
  /** Instance name, for advice on SQL Server Browser. */
  readonly instance?: string;
  /** Name checked against the certificate. */
  readonly serverName?: string;
  readonly tlsMode?: "on" | "strict";
  readonly connectTimeoutMs?: number;
  readonly statementTimeoutMs?: number;
  /** Messages the server sent while refusing the login. */
  readonly loginMessages?: readonly ServerMessageInfo[];
  /** Whether the TLS handshake completed before a connect failed; undefined when unknown. */
  readonly tlsEstablished?: boolean;
  /** How many attempts failed, when retries ran out. */
  readonly attempts?: number;
  /** Values masked in every message: the password. */
  readonly secrets?: readonly Secret[];
}

interface Diagnosis {
  readonly kind: SqlServerErrorKind;
  /** The failure, with the driver's code or the server's number. */
  readonly problem: string;
  /** The next step for the user. */
  readonly fix: string;
  readonly number?: number;
}

/** Database errors at login: the server is fine, this database is not. */
const DATABASE_UNAVAILABLE = new Set([4060, 916, 976, 978, 983, 40613]);

const UNTRUSTED_CODES = new Set([
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "UNABLE_TO_GET_ISSUER_CERT",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "CERT_UNTRUSTED",
  "CERT_SIGNATURE_FAILURE",
  "CERT_REVOKED",
]);
const DATE_CODES = new Set(["CERT_HAS_EXPIRED", "CERT_NOT_YET_VALID"]);
const LOST_CODES = new Set(["ECONNRESET", "EPIPE", "ECONNABORTED", "ECONNCLOSED", "ESOCKET"]);
/** Socket errors of a connection the server or the network cut. */
const RESET_CODES = new Set(["ECONNRESET", "EPIPE", "ECONNABORTED"]);
const UNREACHABLE_CODES = new Set(["ENOTFOUND", "EAI_AGAIN", "ECONNREFUSED", "EHOSTUNREACH", "ENETUNREACH"]);

/** Login errors whose reason is known, with their fix. */
const LOGIN_FAILURE_FIXES: ReadonlyMap<number, string> = new Map([
  [18470, "the login is disabled; have it enabled with ALTER LOGIN ... ENABLE"],
  [18487, "the login's password has expired; change it, then run again"],
  [18488, "the login must change its password; change it, then run again"],
  [18452, "the server accepts only Windows logins; have SQL Server authentication turned on (mixed mode)"],
]);

/** Classifies a driver error; a SqlServerError passes through unchanged. */
export function classifyError(error: unknown, context: ErrorContext): SqlServerError {
  if (error instanceof SqlServerError) {
    return error;
  }

  const details = driverErrorDetails(error);
  const diagnosis =
    diagnoseTls(details, context) ??
    diagnoseStrictRequired(details, context) ??
    diagnoseLogin(details, context) ??
    diagnoseNetwork(details, context) ??
    diagnoseServerError(details, context);

  const redact = createRedactor(context.secrets ?? []);
  const message = redact(`${subject(context)}: ${diagnosis.problem}; ${diagnosis.fix}`);
  return new SqlServerError(diagnosis.kind, message, {
    server: context.server,
    ...(context.database === undefined ? {} : { database: context.database }),
    ...(context.queryId === undefined ? {} : { queryId: context.queryId }),
    ...(diagnosis.number === undefined ? {} : { number: diagnosis.number }),
    cause: error,
  });
}

/** `query inventory.tables failed on 'sql01', database 'Sales'` or `cannot connect to ...`. */
function subject(context: ErrorContext): string {
  const database = context.database === undefined ? "" : `, database '${context.database}'`;
  if (context.queryId !== undefined) {
    return `query ${context.queryId} failed on '${context.server}'${database}`;
  }
  return `cannot connect to '${context.server}'${database}`;
}

function diagnoseTls(details: DriverErrorDetails, context: ErrorContext): Diagnosis | undefined {
  const resetCode = isHandshakeReset(details) ? details.codes.at(-1) : undefined;
  const code = details.codes.find(isTlsCode) ?? resetCode;
  if (code === undefined) {
    return undefined;
  }

  const cause = `(${code}: ${details.tlsReason ?? details.message})`;
  if (code === "ERR_TLS_CERT_ALTNAME_INVALID") {
    return {
      kind: "tls",
      problem: `the server's certificate is not issued for the name '${context.serverName ?? "?"}' ${cause}`,
      fix: "pass --server-name NAME with a name the certificate lists, or connect by that name",
    };
  }
  if (UNTRUSTED_CODES.has(code)) {
    return {
      kind: "tls",
      problem: `the server's certificate is not signed by a trusted CA ${cause}`,
      fix: "pass --tls-ca FILE with the CA that signed the server's certificate (PEM)",
    };
  }
  if (DATE_CODES.has(code)) {
    const state = code === "CERT_HAS_EXPIRED" ? "has expired" : "is not valid yet";
    return {
      kind: "tls",
      problem: `the server's certificate ${state} ${cause}`,
      fix: "have the server's certificate renewed, and check this machine's clock",
    };
  }
  return {
    kind: "tls",
    problem: `the TLS handshake failed ${cause}`,
    fix:
      context.tlsMode === "strict"
        ? "--tls strict needs TDS 8.0 (SQL Server 2022 or later); use --tls on for older servers"
        : "check that the server's TLS settings allow TLS 1.2 or later",
  };
}

/**
 * Diagnoses a TDS 7.4 connection (`--tls on`) that broke before TLS was
 * set up. A SQL Server 2022 with Force Strict Encryption accepts only
 * TDS 8.0, so it closes such a connection after the client's PRELOGIN.
 */
function diagnoseStrictRequired(details: DriverErrorDetails, context: ErrorContext): Diagnosis | undefined {
  const reset = details.codes.find((code) => RESET_CODES.has(code));
  if (context.tlsMode !== "on" || context.tlsEstablished !== false || reset === undefined || details.number !== undefined) {
    return undefined;
  }
  return {
    kind: "tls",
    problem: `the server closed the connection before TLS was set up (${reset}: ${details.message})${attempts(context)}`,
    fix:
      "the server may require TDS 8.0 strict encryption (SQL Server 2022 and later), so pass --tls strict, " +
      "or check the network and the server's error log if it does not",
  };
}

function isTlsCode(code: string): boolean {
  return (
    code.startsWith("ERR_TLS_") ||
    code.startsWith("ERR_SSL_") ||
    code === "EPROTO" ||
    UNTRUSTED_CODES.has(code) ||
    DATE_CODES.has(code)
  );
}

function diagnoseLogin(details: DriverErrorDetails, context: ErrorContext): Diagnosis | undefined {
  const numbers = (context.loginMessages ?? []).map((message) => message.number);
  if (details.number !== undefined) {
    numbers.push(details.number);
  }
  const databaseNumber = numbers.find((number) => DATABASE_UNAVAILABLE.has(number));
  if (databaseNumber !== undefined) {
    return databaseUnavailable(databaseNumber, context);
  }
  if (!details.codes.includes("ELOGIN")) {
    return undefined;
  }

  const user = context.user === undefined ? "the login" : `user '${context.user}'`;
  const number = numbers.at(-1);
  const detail = number === undefined ? details.message : `error ${number}: ${details.message}`;
  return {
    kind: "login-failed",
    ...(number === undefined ? {} : { number }),
    problem: `login failed for ${user} (${detail})`,
    fix:
      (number === undefined ? undefined : LOGIN_FAILURE_FIXES.get(number)) ??
      "check the user name and password, and that the login exists and may connect; " +
        "the server's error log gives the reason",
  };
}

function databaseUnavailable(number: number, context: ErrorContext): Diagnosis {
  const database = context.database ?? "master";
  return {
    kind: "database-unavailable",
    number,
    problem: `database '${database}' cannot be opened (error ${number})`,
    fix:
      "it may be offline, restoring, recovering, single-user or not readable on this replica, or the login " +
      "has no user in it; check state_desc in sys.databases and the login's access (infio grant-script " +
      "prints the statements that give it)",
  };
}

function diagnoseNetwork(details: DriverErrorDetails, context: ErrorContext): Diagnosis | undefined {
  if (details.number !== undefined) {
    return undefined;
  }
  const codes = details.codes;
  const timeout = codes.includes("ETIMEOUT");

  // A ConnectionError's timeout is the connect timeout, even while a query
  // waits for a new pooled connection; any other is the statement's.
  if (timeout && details.name !== "ConnectionError") {
    const limit = context.statementTimeoutMs;
    const after = limit === undefined ? "" : ` after ${formatDuration(limit)}`;
    return {
      kind: "timeout",
      problem: `timed out${after} waiting for the server (ETIMEOUT)`,
      fix: "the server is busy or the query is blocked; raise --timeout or run when the server is less busy",
    };
  }
  if (timeout || codes.includes("EINSTLOOKUP") || codes.some((code) => UNREACHABLE_CODES.has(code))) {
    return unreachable(details, context);
  }
  if (codes.some((code) => LOST_CODES.has(code))) {
    return {
      kind: context.queryId === undefined ? "unreachable" : "connection-lost",
      problem: `the connection broke (${codes.at(-1)}: ${details.message})${attempts(context)}`,
      fix: "check the network and the server's error log, then run again",
    };
  }
  return undefined;
}

function unreachable(details: DriverErrorDetails, context: ErrorContext): Diagnosis {
  const code = details.codes.find((c) => c !== "ESOCKET") ?? details.codes[0] ?? "error";
  const instance = context.instance;
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") {
    return {
      kind: "unreachable",
      problem: `the host name was not found (${code}: ${details.message})`,
      fix: "check the name in --server and this machine's DNS",
    };
  }
  if (code === "ECONNREFUSED") {
    return {
      kind: "unreachable",
      problem: `the connection was refused (${details.message})`,
      fix: "check the port, that SQL Server accepts TCP/IP connections on it, and the firewall",
    };
  }
  if (code === "EINSTLOOKUP" || (code === "ETIMEOUT" && instance !== undefined)) {
    return {
      kind: "unreachable",
      problem: `instance '${instance ?? "?"}' did not answer (${code}: ${details.message})`,
      fix: "check the instance name and that the SQL Server Browser service (UDP 1434) runs and is reachable, or pass HOST,PORT",
    };
  }
  const within = context.connectTimeoutMs === undefined ? "" : ` within ${formatDuration(context.connectTimeoutMs)}`;
  return {
    kind: "unreachable",
    problem: `the server did not answer${within} (${code}: ${details.message})`,
    fix: "check the host, the port and the firewall, or raise Connect Timeout in --connection-string",
  };
}

function diagnoseServerError(details: DriverErrorDetails, context: ErrorContext): Diagnosis {
  const number = details.number;
  const detail = number === undefined ? details.message : `error ${number}: ${details.message}`;

  if (number !== undefined && PERMISSION_ERROR_NUMBERS.has(number)) {
    const grant = context.permission === undefined ? "the permission it needs" : context.permission;
    return {
      kind: "permission-denied",
      number,
      problem: `permission denied (${detail})`,
      fix: `grant the login ${grant} (infio grant-script prints the statements), or accept that this part stays unread`,
    };
  }
  if (number === 1205) {
    return {
      kind: "failed",
      number,
      problem: `the query was chosen as a deadlock victim (${detail})${attempts(context)}`,
      fix: "run again when the server is less busy",
    };
  }
  // mssql's prefix for a pool whose connections all stayed busy.
  if (details.message.startsWith("Failed to acquire a connection from the pool")) {
    return {
      kind: "failed",
      problem: `no connection of the pool became free (${details.message})`,
      fix: "earlier queries kept every connection to the database busy; run again when the server is less busy, or raise --timeout",
    };
  }
  if (details.codes.includes("ECANCEL")) {
    return { kind: "failed", problem: "the query was cancelled (ECANCEL)", fix: "run again" };
  }
  return {
    kind: "failed",
    ...(number === undefined ? {} : { number }),
    problem: `${detail}${attempts(context)}`,
    fix: "see the server's message; run again once it is fixed",
  };
}

function attempts(context: ErrorContext): string {
  return context.attempts === undefined || context.attempts < 2 ? "" : `, ${context.attempts} attempts`;
}
