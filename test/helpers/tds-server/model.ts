/**
 * The test server's public types: what a query handler receives and
 * returns, the server options, and what the server records.
 */
import type { KeyAndCertificate } from "./certificates.js";
import type { ClientPrelogin, ServerEncryption } from "./prelogin.js";
import type { RequestParameter } from "./requests.js";
import type { ServerMessage } from "./tokens.js";
import type { SqlValue } from "./values.js";

export type { ServerMessage, SqlValue, RequestParameter };

export interface ColumnDefinition {
  /** Column name; "" for an unnamed expression such as `SELECT 1`. */
  readonly name: string;
  /** T-SQL type name, e.g. int, nvarchar(128), nvarchar(max), decimal(18,2). */
  readonly type: string;
  /** Defaults to true. */
  readonly nullable?: boolean;
}

export interface ResultSet {
  readonly columns: readonly ColumnDefinition[];
  /** One array per row, with one value per column; null is SQL NULL. */
  readonly rows: readonly (readonly SqlValue[])[];
  /**
   * Fault injection: send the column metadata and this many rows, then
   * close the TCP connection without ending the response.
   */
  readonly dropConnectionAfterRows?: number;
}

/**
 * One statement's outcome: a result set, or a server message. A message of
 * severity (class) 11 or more is an error that ends its statement. One of
 * 10 or less is informational, like PRINT output.
 */
export type ResponseItem = ResultSet | ServerMessage;

export type QueryResponse = ResponseItem | readonly ResponseItem[];

export interface SessionInfo {
  readonly connectionId: number;
  readonly userName: string;
  readonly database: string;
  readonly appName: string;
  readonly readOnlyIntent: boolean;
}

export interface QueryContext {
  readonly kind: "batch" | "rpc";
  /** The procedure an RPC calls (sp_executesql for parameterised queries). */
  readonly procedure: string;
  readonly sql: string;
  readonly declarations: string;
  readonly parameters: readonly RequestParameter[];
  readonly session: SessionInfo;
  /** Aborted when the client sends ATTENTION (a cancel or a timeout). */
  readonly signal: AbortSignal;
}

export type QueryHandler = (
  context: QueryContext,
) => QueryResponse | Promise<QueryResponse>;

export interface LoginCredentials {
  readonly userName: string;
  readonly password: string;
}

export interface TdsTestServerOptions {
  /** Handles batches and RPCs. Without one, every query fails with error 50000. */
  readonly handler?: QueryHandler;
  /** Accepted SQL logins; any user name and password when omitted. */
  readonly logins?: readonly LoginCredentials[];
  /** Databases a login may open; any when omitted. */
  readonly databases?: readonly string[];
  /** Database of a login that names none. Default "master". */
  readonly defaultDatabase?: string;
  /**
   * The server's encryption setting for TDS 7.x clients. Default "off"
   * (TLS offered, not required) when `tls` is given, else "not-supported".
   */
  readonly encryption?: ServerEncryption;
  /** Key and certificate; needed for any TLS, TDS 7.x or TDS 8.0. */
  readonly tls?: KeyAndCertificate;
  /** Reject clients that do not open with TLS (TDS 8.0 strict only). */
  readonly requireStrict?: boolean;
  /** Server name in messages. Default "infio-tds-test". */
  readonly serverName?: string;
  /** Version in PRELOGIN and LOGINACK. Default 16.0.1000 (SQL Server 2022). */
  readonly version?: readonly [number, number, number];
  /**
   * Respond to the driver's own statements (tedious' SET options batch after
   * login, mssql's `SELECT 1;` pool validation) without the handler.
   * They are still recorded, with `driverHousekeeping` true. Default true.
   */
  readonly answerDriverHousekeeping?: boolean;
  /** Also listen on ::1 at the same port when IPv6 loopback exists. */
  readonly listenIpv6?: boolean;
}

export type ConnectionEncryption =
  | "pending"
  | "none"
  | "login-only"
  | "full"
  | "strict"
  | "rejected";

export interface LoginRecord {
  readonly userName: string;
  readonly password: string;
  readonly database: string;
  readonly appName: string;
  readonly hostName: string;
  readonly serverName: string;
  readonly language: string;
  readonly readOnlyIntent: boolean;
  readonly integratedSecurity: boolean;
  /** TDSVersion from LOGIN7 as hex, e.g. "0x74000004" for TDS 7.4. */
  readonly tdsVersion: string;
  readonly packetSize: number;
  readonly features: readonly number[];
}

export interface ConnectionRecord {
  readonly id: number;
  readonly remoteAddress: string;
  prelogin?: ClientPrelogin;
  encryption: ConnectionEncryption;
  /** Whether the LOGIN7 message travelled inside TLS. */
  loginEncrypted: boolean;
  tlsVersion?: string;
  alpn?: string;
  /** The TLS SNI host name the client sent, if any. */
  tlsServerName?: string;
  tlsError?: string;
  login?: LoginRecord;
  loggedIn: boolean;
  /** The first error of a failed login: 18456, or 4060 before it. */
  loginError?: ServerMessage;
  attentions: number;
  /** Why the server ended the connection, for a protocol violation. */
  protocolError?: string;
  closed: boolean;
}

export interface QueryRecord {
  readonly connectionId: number;
  readonly kind: "batch" | "rpc";
  readonly procedure: string;
  readonly sql: string;
  readonly declarations: string;
  readonly parameters: readonly RequestParameter[];
  readonly database: string;
  readonly driverHousekeeping: boolean;
  /**
   * RESETCONNECTION was set: the driver requests a clean session, as
   * tedious does on a pooled connection's next request. The test server
   * keeps no session state to reset.
   */
  readonly resetConnection: boolean;
  /** Set when the client cancelled the query with ATTENTION. */
  cancelled: boolean;
}
