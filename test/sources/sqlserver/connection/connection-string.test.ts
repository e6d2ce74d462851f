import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { parseConnectionString } from "../../../../src/sources/sqlserver/connection/connection-string.js";
import { tokenizeConnectionString } from "../../../../src/sources/sqlserver/connection/connection-string-syntax.js";
import { ConnectionSettingsError } from "../../../../src/sources/sqlserver/connection/settings-error.js";

const CANARY = "Canary-Pa55w0rd!";

describe("tokenizeConnectionString", () => {
  const cases: [string, [string, string][]][] = [
    ["Server=sql01;Database=Sales", [["Server", "sql01"], ["Database", "Sales"]]],
    ["  Server = sql01 ; ;Database=Sales;", [["Server", "sql01"], ["Database", "Sales"]]],
    ['Database="Sales;Archive"', [["Database", "Sales;Archive"]]],
    ['Database="say ""hi"""', [["Database", 'say "hi"']]],
    ["Database='O''Brien'", [["Database", "O'Brien"]]],
    ["Database=\"it's\"", [["Database", "it's"]]],
    ["Odd==Key=1", [["Odd=Key", "1"]]],
    ["Keyword=a=b=c", [["Keyword", "a=b=c"]]],
    [`Keyword=no "escaping" 'required';`, [["Keyword", `no "escaping" 'required'`]]],
    ["Server=", [["Server", ""]]],
    ["Database = ' padded ' ;", [["Database", " padded "]]],
  ];
  for (const [text, expected] of cases) {
    test(`splits ${text}`, () => {
      const pairs = tokenizeConnectionString(text).map((pair) => [pair.keyword, pair.value]);
      assert.deepEqual(pairs, expected);
    });
  }

  test("normalizes keywords", () => {
    assert.equal(tokenizeConnectionString("Initial   CATALOG=x")[0]!.normalized, "initial catalog");
  });

  const malformed: [string, RegExp][] = [
    ["Server=sql01;junk;Database=x", /pair 2 has no '='/],
    ["Server=sql01;trailing", /pair 2 has no '='/],
    ["=sql01", /pair 1 has a value but no keyword/],
    ['Database="Sales', /the value of Database has no closing "/],
    ['Database="Sales"x;', /text follows the closing quote of Database/],
  ];
  for (const [text, message] of malformed) {
    test(`rejects ${text}`, () => {
      assert.throws(() => tokenizeConnectionString(text), message);
    });
  }

  test("never quotes a value in a syntax error", () => {
    const error = catchError(() => tokenizeConnectionString(`Server=x;Password="${CANARY}`));
    assert.doesNotMatch(error.message, /Canary/);
  });
});

describe("parseConnectionString", () => {
  test("maps every supported keyword", () => {
    const settings = parseConnectionString(
      "Data Source=tcp:sql01,1500;Initial Catalog=Sales;User ID=infio_reader;Encrypt=Strict;" +
        "TrustServerCertificate=False;HostNameInCertificate=sql01.corp;Server Certificate=/etc/ca.pem;" +
        "Connect Timeout=20;Command Timeout=90;ApplicationIntent=ReadOnly;MultiSubnetFailover=True",
    );

    assert.equal(settings.server?.host, "sql01");
    assert.equal(settings.server?.port, 1500);
    assert.equal(settings.database, "Sales");
    assert.equal(settings.user, "infio_reader");
    assert.equal(settings.tlsMode, "strict");
    assert.equal(settings.trustServerCertificate, false);
    assert.equal(settings.serverName, "sql01.corp");
    assert.equal(settings.caFile, "/etc/ca.pem");
    assert.equal(settings.connectTimeoutMs, 20_000);
    assert.equal(settings.statementTimeoutMs, 90_000);
    assert.equal(settings.multiSubnetFailover, true);
    assert.deepEqual(settings.ignoredKeywords, []);
  });

  const synonyms: [string, string, unknown][] = [
    ["Server=a", "server", "a"],
    ["Address=a", "server", "a"],
    ["Addr=a", "server", "a"],
    ["Network Address=a", "server", "a"],
    ["DATA SOURCE=a", "server", "a"],
    ["Database=d", "database", "d"],
    ["UID=u", "user", "u"],
    ["User=u", "user", "u"],
    ["user id=u", "user", "u"],
    ["Encrypt=Mandatory", "tlsMode", "on"],
    ["Encrypt=true", "tlsMode", "on"],
    ["Encrypt=yes", "tlsMode", "on"],
    ["encrypt=STRICT", "tlsMode", "strict"],
    ["Trust Server Certificate=yes", "trustServerCertificate", true],
    ["Host Name In Certificate=n", "serverName", "n"],
    ["Connection Timeout=5", "connectTimeoutMs", 5000],
    ["Timeout=5", "connectTimeoutMs", 5000],
    ["Multi Subnet Failover=false", "multiSubnetFailover", false],
  ];
  for (const [text, field, expected] of synonyms) {
    test(`reads ${text}`, () => {
      const settings = parseConnectionString(text) as unknown as Record<string, unknown>;
      const value = field === "server" ? (settings.server as { host: string }).host : settings[field];
      assert.equal(value, expected);
    });
  }

  test("lets the last repeated keyword win", () => {
    assert.equal(parseConnectionString("Server=a;Data Source=b").server?.host, "b");
  });

  test("lists ignored keywords as written", () => {
    const settings = parseConnectionString("Server=a;Application Name=Payroll;Pooling=false;MultipleActiveResultSets=True");
    assert.deepEqual(settings.ignoredKeywords, ["Application Name", "Pooling", "MultipleActiveResultSets"]);
  });

  for (const keyword of ["Password", "PWD", "pwd", " password "]) {
    test(`rejects ${keyword.trim()} without quoting it`, () => {
      const error = catchError(() => parseConnectionString(`Server=sql01;User ID=sa;${keyword}=${CANARY};Encrypt=Optional`));
      assert.ok(error instanceof ConnectionSettingsError);
      assert.match(error.message, /process list/);
      assert.match(error.message, /--password-env VAR, --password-file FILE, --secret-arn ARN/);
      assert.doesNotMatch(error.message, /Canary/);
    });
  }

  test("rejects a password before any other error", () => {
    const error = catchError(() => parseConnectionString(`Bogus=1;Password=${CANARY}`));
    assert.match(error.message, /contains Password=/);
    assert.doesNotMatch(error.message, /Canary/);
  });

  const rejected: [string, RegExp][] = [
    ["Server=a;Encrypt=False", /Encrypt=False: infio always encrypts/],
    ["Server=a;Encrypt=Optional", /Encrypt=Optional: infio always encrypts/],
    ["Server=a;Encrypt=no", /Encrypt=no: infio always encrypts/],
    ["Server=a;Encrypt=maybe", /pass Strict, Mandatory or True/],
    ["Server=a;TrustServerCertificate=perhaps", /pass True or False/],
    ["Server=a;ApplicationIntent=ReadWrite", /always connects with ApplicationIntent=ReadOnly/],
    ["Server=a;Integrated Security=SSPI", /Windows authentication is not supported/],
    ["Server=a;Trusted_Connection=yes", /Windows authentication is not supported/],
    ["Server=a;Authentication=ActiveDirectoryPassword", /SQL Server authentication only/],
    ["Server=a;Connect Timeout=abc", /pass a whole number of seconds/],
    ["Server=a;Connect Timeout=0", /from 1s to 10m/],
    ["Server=a;Command Timeout=-1", /pass a whole number of seconds/],
    ["Server=a;Database=", /Database=: it is empty/],
    ["Server=a;Colour=blue", /unknown keyword 'Colour'/],
    ["Server=sql01:1433", /invalid --connection-string Server 'sql01:1433'/],
    ["", /it is empty; pass at least Server=HOST/],
  ];
  for (const [text, message] of rejected) {
    test(`rejects ${text || "an empty string"}`, () => {
      const error = catchError(() => parseConnectionString(text));
      assert.ok(error instanceof ConnectionSettingsError);
      assert.match(error.message, message);
    });
  }

  test("accepts a false Integrated Security and ReadOnly intent", () => {
    const settings = parseConnectionString("Server=a;Integrated Security=False;Application Intent=ReadOnly;Authentication=SqlPassword");
    assert.equal(settings.server?.host, "a");
  });
});

function catchError(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  assert.fail("expected an error");
}
