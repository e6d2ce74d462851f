import assert from "node:assert/strict";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { before, describe, test } from "node:test";

import type { TerminalInput } from "../../../../src/security/secrets/prompt.js";
import { connectionWarnings, describeConnection } from "../../../../src/sources/sqlserver/connection/describe.js";
import { parseDuration } from "../../../../src/sources/sqlserver/connection/numbers.js";
import {
  parseConnectionOptions,
  resolveConnectionSettings,
  type ConnectionOptions,
} from "../../../../src/sources/sqlserver/connection/settings.js";
import { ConnectionSettingsError } from "../../../../src/sources/sqlserver/connection/settings-error.js";
import { parseTlsMode, readCaFile } from "../../../../src/sources/sqlserver/connection/tls.js";
import { testCertificates, type TestCertificates } from "../../../helpers/tds-server/index.js";
import { tempDir } from "../../../security/temp-dir.js";

const CANARY = "Canary-Pa55w0rd!";
const BASE: ConnectionOptions = { server: "sql01", user: "infio_reader", passwordEnv: "SQLPASS" };

let certificates: TestCertificates;
let dir: string;

before(async () => {
  certificates = await testCertificates();
  dir = await tempDir("infio-connection-");
  await writeFile(join(dir, "ca.pem"), certificates.ca);
  await writeFile(join(dir, "bundle.pem"), `${certificates.expired.cert}\n${certificates.ca}`);
  await writeFile(join(dir, "expired.pem"), certificates.expired.cert);
  await writeFile(join(dir, "key.pem"), certificates.valid.key);
  await writeFile(join(dir, "garbled.pem"), "-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n");
  await mkdir(join(dir, "folder.pem"));
});

function parse(options: Partial<ConnectionOptions>, interactive = false) {
  return parseConnectionOptions({ ...BASE, ...options }, interactive);
}

function rejects(options: Partial<ConnectionOptions>, option: string, message: RegExp): void {
  assert.throws(
    () => parse(options),
    (error: unknown) => {
      assert.ok(error instanceof ConnectionSettingsError, String(error));
      assert.equal(error.option, option);
      assert.match(error.message, message);
      assert.doesNotMatch(error.message, /Canary/);
      return true;
    },
  );
}

describe("parseConnectionOptions", () => {
  test("applies the defaults", () => {
    const parsed = parse({});

    assert.equal(parsed.server?.host, "sql01");
    assert.equal(parsed.server?.port, 1433);
    assert.equal(parsed.tlsMode, "on");
    assert.equal(parsed.trustServerCertificate, false);
    assert.equal(parsed.caFile, undefined);
    assert.equal(parsed.connectTimeoutMs, 15_000);
    assert.equal(parsed.statementTimeoutMs, 30_000);
    assert.deepEqual(parsed.retry, { count: 3, baseDelayMs: 500, maxDelayMs: 30_000 });
    assert.equal(parsed.maxOpenDatabases, 4);
    assert.equal(parsed.connectionsPerDatabase, 2);
    assert.equal(parsed.multiSubnetFailover, false);
  });

  test("reads every option", () => {
    const parsed = parse({
      tls: "strict",
      tlsCa: "ca.pem",
      serverName: "sql01.corp",
      databases: ["Sales"],
      connectTimeout: "20s",
      statementTimeout: 120,
      retries: "5",
      retryDelay: "250ms",
      maxOpenDatabases: "8",
      connectionsPerDatabase: 3,
    });

    assert.equal(parsed.tlsMode, "strict");
    assert.deepEqual(parsed.caFile, { path: "ca.pem", option: "--tls-ca" });
    assert.equal(parsed.serverName, "sql01.corp");
    assert.equal(parsed.database, "Sales");
    assert.equal(parsed.connectTimeoutMs, 20_000);
    assert.equal(parsed.statementTimeoutMs, 120_000);
    assert.deepEqual(parsed.retry, { count: 5, baseDelayMs: 250, maxDelayMs: 30_000 });
    assert.equal(parsed.maxOpenDatabases, 8);
    assert.equal(parsed.connectionsPerDatabase, 3);
  });

  test("takes settings from the connection string", () => {
    const parsed = parse({
      server: undefined,
      user: undefined,
      connectionString: "Server=tcp:sql02,1500;Database=Sales;UID=reader;Encrypt=Strict;Command Timeout=45;App=Payroll",
    });

    assert.equal(parsed.server?.text, "tcp:sql02,1500");
    assert.equal(parsed.user, "reader");
    assert.equal(parsed.database, "Sales");
    assert.equal(parsed.tlsMode, "strict");
    assert.equal(parsed.statementTimeoutMs, 45_000);
    assert.deepEqual(parsed.ignoredKeywords, ["App"]);
  });

  test("accepts the same server in both places", () => {
    const parsed = parse({ server: "SQL01,1433", connectionString: "Server=sql01" });
    assert.equal(parsed.server?.host, "SQL01");
  });

  test("rejects a server that differs from the connection string's", () => {
    rejects({ connectionString: "Server=sql02" }, "--server", /--server 'sql01' differs from Server=sql02 in --connection-string/);
  });

  test("rejects a user that differs from the connection string's", () => {
    rejects({ connectionString: "Server=sql01;User ID=sa" }, "--user", /--user 'infio_reader' differs from User ID=sa/);
  });

  test("rejects a --database that differs from Database=", () => {
    rejects(
      { connectionString: "Server=sql01;Database=Sales", databases: ["Sales", "Hr"] },
      "--database",
      /--database 'Hr' differs from Database=Sales in --connection-string; name the databases once/,
    );
  });

  test("accepts a --database that names Database= again", () => {
    const parsed = parse({ connectionString: "Server=sql01;Database=Sales", databases: ["SALES"] });
    assert.equal(parsed.database, "Sales");
  });

  test("takes the one --database as the database", () => {
    assert.equal(parse({ databases: ["Sales"] }).database, "Sales");
    assert.equal(parse({ databases: ["Sales", "Hr"] }).database, undefined);
  });

  test("rejects --timeout that differs from Command Timeout, in seconds", () => {
    rejects(
      { connectionString: "Server=sql01;Command Timeout=45", statementTimeout: "30000ms" },
      "--timeout",
      /--timeout '30' differs from Command Timeout=45 in --connection-string/,
    );
  });

  test("rejects --tls that differs from Encrypt", () => {
    rejects({ tls: "on", connectionString: "Server=sql01;Encrypt=Strict" }, "--tls", /differs from Encrypt=strict/);
  });

  test("needs a server", () => {
    rejects({ server: undefined }, "--server", /no server given/);
  });

  test("lets a Secrets Manager secret give the server", () => {
    const parsed = parse({ server: undefined, passwordEnv: undefined, secretArn: "infio/sql01" });
    assert.equal(parsed.server, undefined);
  });

  test("rejects TrustServerCertificate=True without the flag", () => {
    rejects(
      { connectionString: "Server=sql01;TrustServerCertificate=True" },
      "--connection-string",
      /accepts only with the explicit --trust-server-certificate flag; pass --tls-ca FILE/,
    );
  });

  test("accepts TrustServerCertificate=True with the flag", () => {
    const parsed = parse({ connectionString: "Server=sql01;TrustServerCertificate=True", trustServerCertificate: true });
    assert.equal(parsed.trustServerCertificate, true);
  });

  test("records the flag alone", () => {
    assert.equal(parse({ trustServerCertificate: true }).trustServerCertificate, true);
  });

  test("rejects the flag against TrustServerCertificate=False", () => {
    rejects(
      { connectionString: "Server=sql01;TrustServerCertificate=False", trustServerCertificate: true },
      "--trust-server-certificate",
      /contradicts TrustServerCertificate=False/,
    );
  });

  test("rejects the flag with a CA file", () => {
    rejects({ trustServerCertificate: true, tlsCa: "ca.pem" }, "--trust-server-certificate", /pass only one of them/);
  });

  test("reads Server Certificate as the CA file", () => {
    const parsed = parse({ connectionString: "Server=sql01;Server Certificate=ca.pem" });
    assert.deepEqual(parsed.caFile, { path: "ca.pem", option: "--connection-string Server Certificate" });
  });

  const invalid: [Partial<ConnectionOptions>, string, RegExp][] = [
    [{ tls: "off" }, "--tls", /infio always encrypts the connection to SQL Server/],
    [{ tls: "optional" }, "--tls", /always encrypts/],
    [{ tls: "tls1.3" }, "--tls", /invalid --tls 'tls1.3': pass 'on'/],
    [{ connectTimeout: "0" }, "--connect-timeout", /from 1s to 10m/],
    [{ connectTimeout: "forever" }, "--connect-timeout", /invalid --connect-timeout 'forever'/],
    [{ statementTimeout: "2h" }, "--timeout", /invalid --timeout '2h'/],
    [{ statementTimeout: "5000m" }, "--timeout", /from 100ms to 60m/],
    [{ retries: "11" }, "--retries", /from 0 to 10/],
    [{ retries: "-1" }, "--retries", /from 0 to 10/],
    [{ retryDelay: "1m" }, "--retry-delay", /from 10ms to 30s/],
    [{ maxOpenDatabases: "0" }, "--max-databases", /from 1 to 64/],
    [{ connectionsPerDatabase: "1.5" }, "--connections-per-database", /from 1 to 16/],
    [{ user: " " }, "--user", /invalid --user '': it is empty/],
    [{ databases: [""] }, "--database", /invalid --database ''/],
    [{ passwordEnv: undefined, password: CANARY }, "--password", /does not take the password itself/],
    [{ connectionString: `Server=sql01;PWD=${CANARY}` }, "--connection-string", /contains PWD=/],
  ];
  for (const [options, option, message] of invalid) {
    test(`rejects ${JSON.stringify(options).replace(CANARY, "the password")}`, () => {
      rejects(options, option, message);
    });
  }
});

describe("parseDuration", () => {
  const range = { unit: "s" as const, minMs: 100, maxMs: 600_000 };
  const cases: [string | number, number][] = [
    ["30", 30_000],
    [30, 30_000],
    ["1.5", 1_500],
    ["500ms", 500],
    ["45S", 45_000],
    ["2m", 120_000],
  ];
  for (const [value, ms] of cases) {
    test(`reads ${value}`, () => {
      assert.equal(parseDuration("--x", value, range), ms);
    });
  }
});

describe("parseTlsMode", () => {
  test("reads on and strict", () => {
    assert.equal(parseTlsMode("on"), "on");
    assert.equal(parseTlsMode(" STRICT "), "strict");
  });
});

describe("readCaFile", () => {
  test("reads a PEM certificate", async () => {
    const ca = await readCaFile("ca.pem", "--tls-ca", dir);
    assert.equal(ca.path, join(dir, "ca.pem"));
    assert.match(ca.pem, /^-----BEGIN CERTIFICATE-----/);
    assert.deepEqual(ca.subjects, ["CN=infio test CA"]);
  });

  test("keeps every certificate of a bundle", async () => {
    const ca = await readCaFile(join(dir, "bundle.pem"), "--tls-ca", "/");
    assert.equal(ca.subjects.length, 2);
  });

  const rejected: [string, RegExp][] = [
    ["missing.pem", /invalid --tls-ca 'missing.pem': file not found; check the path/],
    ["folder.pem", /invalid --tls-ca 'folder.pem': it is not a file/],
    ["key.pem", /it contains no PEM certificate/],
    ["garbled.pem", /certificate 1 in it cannot be read/],
    ["expired.pem", /every certificate in it has expired \(valid to Jan +2 00:00:00 2020 GMT\)/],
  ];
  for (const [file, message] of rejected) {
    test(`rejects ${file}`, async () => {
      await assert.rejects(readCaFile(file, "--tls-ca", dir), (error: unknown) => {
        assert.ok(error instanceof ConnectionSettingsError);
        assert.match(error.message, message);
        return true;
      });
    });
  }
});

describe("resolveConnectionSettings", () => {
  const environment = () => ({ env: { SQLPASS: CANARY }, cwd: dir, interactive: false });

  test("builds the settings", async () => {
    const settings = await resolveConnectionSettings({ ...BASE, tlsCa: "ca.pem" }, environment());

    assert.equal(settings.server.host, "sql01");
    assert.equal(settings.user, "infio_reader");
    assert.equal(settings.password.reveal(), CANARY);
    assert.equal(settings.tls.mode, "on");
    assert.equal(settings.tls.ca?.path, join(dir, "ca.pem"));
    assert.equal(settings.tls.serverName, "sql01");
    assert.equal(settings.tls.trustServerCertificate, false);
    assert.equal(JSON.stringify(settings).includes(CANARY), false);
  });

  test("names the CA option in a read error", async () => {
    await assert.rejects(
      resolveConnectionSettings({ ...BASE, connectionString: "Server Certificate=nope.pem" }, environment()),
      /invalid --connection-string Server Certificate 'nope.pem': file not found/,
    );
  });

  test("prompts with the user and server", async () => {
    const written: string[] = [];
    const input = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => undefined }) as PassThrough & TerminalInput;
    const pending = resolveConnectionSettings(
      { server: "sql01\\PROD", user: "infio_reader" },
      { env: {}, cwd: dir, interactive: true, terminal: { input, output: { write: (text: string) => written.push(text) } } },
    );
    setImmediate(() => input.write(`${CANARY}\r`));
    const settings = await pending;

    assert.equal(settings.password.reveal(), CANARY);
    assert.equal(written[0], "Password for infio_reader on sql01\\PROD: ");
    assert.equal(written.join("").includes(CANARY), false);
  });

  test("describes the settings without the password", async () => {
    const settings = await resolveConnectionSettings(
      { ...BASE, trustServerCertificate: true, connectionString: "Pooling=false" },
      environment(),
    );
    const description = describeConnection(settings);

    assert.equal(description.tls.certificateVerified, false);
    assert.equal(description.passwordOrigin, "environment variable SQLPASS");
    assert.equal(description.endpoint, "sql01,1433");
    assert.equal(JSON.stringify(description).includes(CANARY), false);
    const warnings = connectionWarnings(settings);
    assert.match(warnings[0]!, /the certificate of 'sql01' is not verified \(--trust-server-certificate\)/);
    assert.match(warnings[1]!, /keywords without effect in infio were ignored: Pooling/);
  });

  test("has no warnings by default", async () => {
    const settings = await resolveConnectionSettings(BASE, environment());
    assert.deepEqual(connectionWarnings(settings), []);
  });
});
