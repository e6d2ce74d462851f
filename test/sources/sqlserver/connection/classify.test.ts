import assert from "node:assert/strict";
import { describe, test } from "node:test";

import sql from "mssql";

import { Secret } from "../../../../src/security/secrets/secret.js";
import { classifyError, type ErrorContext } from "../../../../src/sources/sqlserver/connection/classify.js";
import { driverErrorDetails } from "../../../../src/sources/sqlserver/connection/driver-error.js";
import { StatementTimeoutError } from "../../../../src/sources/sqlserver/connection/row-stream.js";
import { isTransient } from "../../../../src/sources/sqlserver/connection/transient.js";
import { SqlServerError } from "../../../../src/sources/sqlserver/errors.js";

const CANARY = "Canary-Pa55w0rd!";
const CONNECT: ErrorContext = {
  server: "sql01,1433",
  database: "Sales",
  user: "infio_reader",
  serverName: "sql01.corp",
  connectTimeoutMs: 15_000,
  secrets: [new Secret(CANARY, "test")],
};
const QUERY: ErrorContext = { ...CONNECT, queryId: "inventory.tables", permission: "VIEW DEFINITION", statementTimeoutMs: 30_000 };

/** Builds a connect error as mssql wraps tedious' error, which wraps the socket's. */
function connectError(code: string, message: string, inner?: Record<string, unknown>): Error {
  const socket = inner === undefined ? undefined : Object.assign(new Error(String(inner.message)), inner);
  const tedious = Object.assign(new Error(message, socket === undefined ? undefined : { cause: socket }), { code });
  return new sql.ConnectionError(tedious);
}

/** Builds a server error as mssql reports it. */
function serverError(number: number, message: string): Error {
  return new sql.RequestError(Object.assign(new Error(message), { info: { number, state: 1, class: 14, message } }), "EREQUEST");
}

/** Builds a request error without a server number, which keeps the driver's code. */
function requestError(code: string, message: string): Error {
  return new sql.RequestError(Object.assign(new Error(message), { code }));
}

describe("classifyError", () => {
  const cases: [string, () => Error, ErrorContext, SqlServerError["kind"], RegExp][] = [
    [
      "host name mismatch",
      () => connectError("ESOCKET", "Failed to connect - Hostname/IP does not match", {
        code: "ERR_TLS_CERT_ALTNAME_INVALID",
        message: "Hostname/IP does not match certificate's altnames",
        reason: "Host: sql01.corp. is not in the cert's altnames: DNS:db.example.invalid",
      }),
      CONNECT,
      "tls",
      /^cannot connect to 'sql01,1433', database 'Sales': the server's certificate is not issued for the name 'sql01.corp' \(ERR_TLS_CERT_ALTNAME_INVALID: Host: sql01.corp. is not in the cert's altnames: DNS:db.example.invalid\); pass --server-name NAME/,
    ],
    [
      "untrusted CA",
      () => connectError("ESOCKET", "Failed", { code: "UNABLE_TO_VERIFY_LEAF_SIGNATURE", message: "unable to verify the first certificate" }),
      CONNECT,
      "tls",
      /not signed by a trusted CA \(UNABLE_TO_VERIFY_LEAF_SIGNATURE: unable to verify the first certificate\); pass --tls-ca FILE with the CA that signed the server's certificate/,
    ],
    [
      "self-signed chain",
      () => connectError("ESOCKET", "Failed", { code: "SELF_SIGNED_CERT_IN_CHAIN", message: "self-signed certificate in certificate chain" }),
      CONNECT,
      "tls",
      /not signed by a trusted CA \(SELF_SIGNED_CERT_IN_CHAIN/,
    ],
    [
      "expired certificate",
      () => connectError("ESOCKET", "Failed", { code: "CERT_HAS_EXPIRED", message: "certificate has expired" }),
      CONNECT,
      "tls",
      /certificate has expired \(CERT_HAS_EXPIRED: certificate has expired\); have the server's certificate renewed/,
    ],
    [
      "strict against an old server",
      () => connectError("ESOCKET", "Failed", { code: "ERR_SSL_WRONG_VERSION_NUMBER", message: "wrong version number" }),
      { ...CONNECT, tlsMode: "strict" },
      "tls",
      /TLS handshake failed .*--tls strict needs TDS 8.0/,
    ],
    [
      "handshake cut by a server without TDS 8.0",
      () => connectError("ESOCKET", "Failed", {
        code: "ECONNRESET",
        message: "Client network socket disconnected before secure TLS connection was established",
      }),
      { ...CONNECT, tlsMode: "strict" },
      "tls",
      /the TLS handshake failed \(ECONNRESET: Client network socket disconnected .*\); --tls strict needs TDS 8.0/,
    ],
    [
      "reset before TLS with --tls on",
      () => connectError("ESOCKET", "Connection lost - socket hang up", { code: "ECONNRESET", message: "socket hang up" }),
      { ...CONNECT, tlsMode: "on", tlsEstablished: false },
      "tls",
      /the server closed the connection before TLS was set up \(ECONNRESET: socket hang up\); the server may require TDS 8\.0 strict encryption .*so pass --tls strict/,
    ],
    [
      "reset after TLS with --tls on",
      () => connectError("ESOCKET", "Connection lost - socket hang up", { code: "ECONNRESET", message: "socket hang up" }),
      { ...CONNECT, tlsMode: "on", tlsEstablished: true },
      "unreachable",
      /the connection broke \(ECONNRESET: socket hang up\); check the network/,
    ],
    [
      "reset before TLS with --tls strict",
      () => connectError("ESOCKET", "Connection lost - socket hang up", { code: "ECONNRESET", message: "socket hang up" }),
      { ...CONNECT, tlsMode: "strict", tlsEstablished: false },
      "unreachable",
      /the connection broke \(ECONNRESET: socket hang up\); check the network/,
    ],
    [
      "wrong password",
      () => connectError("ELOGIN", "Login failed for user 'infio_reader'."),
      { ...CONNECT, loginMessages: [{ number: 18456, message: "Login failed for user 'infio_reader'." }] },
      "login-failed",
      /^cannot connect to 'sql01,1433', database 'Sales': login failed for user 'infio_reader' \(error 18456: Login failed for user 'infio_reader'.\); check the user name and password/,
    ],
    [
      "disabled login",
      () => connectError("ELOGIN", "Login failed for user 'infio_reader'. Reason: The account is disabled."),
      { ...CONNECT, loginMessages: [{ number: 18470, message: "Login failed" }] },
      "login-failed",
      /error 18470.*the login is disabled/,
    ],
    [
      "database that cannot be opened",
      () => connectError("ELOGIN", "Login failed for user 'infio_reader'."),
      {
        ...CONNECT,
        loginMessages: [
          { number: 4060, message: 'Cannot open database "Sales" requested by the login. The login failed.' },
          { number: 18456, message: "Login failed for user 'infio_reader'." },
        ],
      },
      "database-unavailable",
      /^cannot connect to 'sql01,1433', database 'Sales': database 'Sales' cannot be opened \(error 4060\); it may be offline/,
    ],
    [
      "connection refused",
      () => connectError("ESOCKET", "Failed to connect", { code: "ECONNREFUSED", message: "connect ECONNREFUSED 10.0.0.5:1433" }),
      CONNECT,
      "unreachable",
      /the connection was refused \(connect ECONNREFUSED 10.0.0.5:1433\); check the port/,
    ],
    [
      "unknown host",
      () => connectError("ESOCKET", "Failed", { code: "ENOTFOUND", message: "getaddrinfo ENOTFOUND sql01" }),
      CONNECT,
      "unreachable",
      /the host name was not found \(ENOTFOUND/,
    ],
    [
      "connect timeout",
      () => connectError("ETIMEOUT", "Failed to connect to sql01:1433 in 15000ms"),
      CONNECT,
      "unreachable",
      /the server did not answer within 15s \(ETIMEOUT: .*\); check the host, the port and the firewall, or raise Connect Timeout in --connection-string/,
    ],
    [
      "instance lookup",
      () => connectError("ETIMEOUT", "Failed to connect to sql01\\PROD in 15000ms"),
      { ...CONNECT, instance: "PROD" },
      "unreachable",
      /instance 'PROD' did not answer .*SQL Server Browser service \(UDP 1434\)/,
    ],
    [
      "permission denied",
      () => serverError(229, "The SELECT permission was denied on the object 'tables', database 'Sales', schema 'sys'."),
      QUERY,
      "permission-denied",
      /^query inventory.tables failed on 'sql01,1433', database 'Sales': permission denied \(error 229: The SELECT permission was denied .*\); grant the login VIEW DEFINITION/,
    ],
    [
      "server state denied",
      () => serverError(300, "VIEW SERVER STATE permission was denied on object 'server', database 'master'."),
      QUERY,
      "permission-denied",
      /error 300/,
    ],
    [
      "deadlock after retries",
      () => serverError(1205, "Transaction (Process ID 52) was deadlocked"),
      { ...QUERY, attempts: 4 },
      "failed",
      /chosen as a deadlock victim \(error 1205: .*\), 4 attempts; run again/,
    ],
    [
      "driver statement timeout",
      () => requestError("ETIMEOUT", "Timeout: Request failed to complete in 30000ms"),
      QUERY,
      "timeout",
      /^query inventory.tables failed on 'sql01,1433', database 'Sales': timed out after 30s waiting for the server \(ETIMEOUT\); .*raise --timeout/,
    ],
    [
      "idle statement timeout",
      () => new StatementTimeoutError("no rows arrived within 30000ms"),
      QUERY,
      "timeout",
      /timed out after 30s/,
    ],
    [
      "connection reset",
      () => requestError("ECONNRESET", "socket hang up"),
      QUERY,
      "connection-lost",
      /the connection broke \(ECONNRESET: socket hang up\); check the network/,
    ],
    [
      "pool with every connection busy",
      () => new sql.RequestError(new Error("Failed to acquire a connection from the pool: operation timed out for an unknown reason")),
      QUERY,
      "failed",
      /no connection of the pool became free .*; earlier queries kept every connection to the database busy; run again when the server is less busy, or raise --timeout/,
    ],
    [
      "other server error",
      () => serverError(208, "Invalid object name 'sys.nonexistent'."),
      QUERY,
      "failed",
      /database 'Sales': error 208: Invalid object name 'sys.nonexistent'.; see the server's message/,
    ],
  ];

  for (const [name, makeError, context, kind, message] of cases) {
    test(`classifies ${name}`, () => {
      const error = classifyError(makeError(), context);

      assert.equal(error.kind, kind);
      assert.match(error.message, message);
      assert.equal(error.server, "sql01,1433");
      assert.equal(error.database, "Sales");
      assert.equal(error.queryId, context.queryId);
    });
  }

  test("keeps the number", () => {
    assert.equal(classifyError(serverError(229, "denied"), QUERY).number, 229);
  });

  test("keeps the driver error as the cause", () => {
    const original = serverError(229, "denied");
    assert.equal(classifyError(original, QUERY).cause, original);
  });

  test("passes a SqlServerError through", () => {
    const error = new SqlServerError("timeout", "x", { server: "s" });
    assert.equal(classifyError(error, QUERY), error);
  });

  test("masks the password wherever it appears", () => {
    const error = classifyError(serverError(50000, `the fixture echoed ${CANARY} back`), QUERY);

    assert.equal(error.message.includes(CANARY), false);
    assert.match(error.message, /echoed \[redacted\] back/);
  });
});

describe("isTransient", () => {
  const transient: [string, () => Error, boolean][] = [
    ["deadlock victim", () => serverError(1205, "deadlock"), true],
    ["database not available", () => serverError(40613, "Database is not currently available"), true],
    ["service busy", () => serverError(40501, "The service is currently busy"), true],
    ["resource limit", () => serverError(10928, "Resource ID: 1"), true],
    ["too many operations", () => serverError(49919, "Cannot process create or update request"), true],
    ["connection reset", () => requestError("ECONNRESET", "socket hang up"), true],
    [
      "reset during the TLS handshake",
      () => connectError("ESOCKET", "Failed", { code: "ECONNRESET", message: "Client network socket disconnected before secure TLS connection was established" }),
      false,
    ],
    ["cannot open database", () => serverError(4060, "Cannot open database"), false],
    ["permission denied", () => serverError(229, "denied"), false],
    ["no permission for action", () => serverError(297, "no permission"), false],
    ["server state denied", () => serverError(300, "denied"), false],
    ["statement timeout", () => requestError("ETIMEOUT", "Timeout"), false],
    ["untrusted certificate", () => connectError("ESOCKET", "Failed", { code: "UNABLE_TO_VERIFY_LEAF_SIGNATURE", message: "x" }), false],
    ["connection refused", () => connectError("ESOCKET", "Failed", { code: "ECONNREFUSED", message: "x" }), false],
  ];
  for (const [name, makeError, expected] of transient) {
    test(`${expected ? "retries" : "does not retry"} ${name}`, () => {
      assert.equal(isTransient(driverErrorDetails(makeError())), expected);
    });
  }
});
