import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { defineQuery } from "../../../src/sources/sqlserver/catalog-query.js";
import type { QueryGroup } from "../../../src/sources/sqlserver/collector-queries.js";
import { grantScript, PASSWORD_PLACEHOLDER } from "../../../src/sources/sqlserver/grant-script.js";
import { missingPermissions } from "../../../src/sources/sqlserver/permissions/evaluate.js";
import { allQueryGroups } from "../../../src/sources/sqlserver/permissions/groups.js";
import type { DatabasePermissions } from "../../../src/sources/sqlserver/permissions/read.js";
import { parse } from "../../../src/tsql/parse.js";

function parseErrors(script: string): string[] {
  return parse(script)
    .diagnostics.filter((d) => d.severity === "error")
    .map((d) => `${d.line}:${d.column} ${d.message}`);
}

function statementKinds(script: string): string[] {
  return parse(script).batches.flatMap((batch) => batch.statements.map((statement) => statement.kind));
}

function group(name: string, scope: "server" | "database", permission: string): QueryGroup {
  return {
    name,
    title: name,
    queries: [defineQuery({ id: `test.${name}`, scope, sql: "SELECT 1;", reads: [], permission })],
  };
}

describe("grant script", () => {
  it("parses, both scripts", () => {
    const scripts = grantScript({ login: "infio_reader" });

    assert.deepEqual(parseErrors(scripts.create), []);
    assert.deepEqual(parseErrors(scripts.remove), []);
  });

  it("holds a placeholder, never a password", () => {
    const { create } = grantScript({ login: "infio_reader" });

    assert.ok(create.includes(`DECLARE @password nvarchar(128) = N'${PASSWORD_PLACEHOLDER}';`));
    assert.ok(create.includes("IF @password LIKE N'<%>'"));
    assert.ok(create.includes("SET NOEXEC ON;"));
    assert.ok(create.trimEnd().endsWith("SET NOEXEC OFF;\nGO"));
    assert.equal(create.match(/PASSWORD = /g)?.length, 1);
  });

  it("grants what every catalog query needs", () => {
    const { create } = grantScript({ login: "infio_reader" });
    const [serverSection = "", ...databaseSections] = create.split(/^USE /m).slice(1);
    const grantsIn = (section: string) => [...section.matchAll(/^GRANT ([A-Z ]+) TO \[infio_reader\];/gm)].map((m) => m[1]!);
    const rolesIn = (section: string) => [...section.matchAll(/^ALTER ROLE \[(\w+)\] ADD MEMBER/gm)].map((m) => m[1]!);

    // A login with exactly these grants. A user has CONNECT, and the
    // server grants cover the database permissions of every database.
    const databases = new Map<string, DatabasePermissions>();
    for (const section of databaseSections) {
      const database = /^\[([^\]]+)\]/.exec(section)![1]!;
      databases.set(database.toLowerCase(), { database, permissions: ["CONNECT", ...grantsIn(section)], roles: rolesIn(section) });
    }
    const state = {
      login: { login: "infio_reader", serverRoles: [], permissions: ["CONNECT SQL", ...grantsIn(serverSection)] },
      databases,
    };
    const groups = allQueryGroups();

    assert.deepEqual(missingPermissions(groups, "server", state, "master"), []);
    assert.deepEqual(missingPermissions(groups, "database", state, "Sales"), []);
    assert.ok(!grantsIn(serverSection).includes("CONTROL SERVER"));
    assert.ok(!create.includes("GRANT CONTROL"));
  });

  it("derives the grants from the queries", () => {
    const groups = [
      group("host", "server", "VIEW SERVER STATE"),
      group("modules", "database", "VIEW DEFINITION"),
      group("agent", "server", "db_datareader role in msdb"),
      group("credentials", "database", "CONTROL"),
    ];
    const { create } = grantScript({ login: "reader", groups });
    const grants = create.split("\n").filter((line) => /^(GRANT|ALTER ROLE|CREATE USER|USE)/.test(line));

    assert.deepEqual(grants, [
      "USE [master];",
      "GRANT VIEW SERVER STATE TO [reader]; -- for host",
      "GRANT VIEW ANY DEFINITION TO [reader]; -- for modules",
      "USE [msdb];",
      "CREATE USER [reader] FOR LOGIN [reader];",
      "ALTER ROLE [db_datareader] ADD MEMBER [reader]; -- for agent",
    ]);
    assert.ok(create.includes("-- Not granted: CONTROL, because it can change data, so infio never asks for it."));
  });

  it("creates users in listed databases instead of CONNECT ANY DATABASE", () => {
    const groups = [group("permissions", "database", "CONNECT"), group("modules", "database", "VIEW DEFINITION")];
    const scripts = grantScript({ login: "reader", databases: ["Sales", "Hr", "Sales"], groups });

    assert.ok(!scripts.create.includes("CONNECT ANY DATABASE"));
    assert.equal(scripts.create.match(/^CREATE USER \[reader\] FOR LOGIN \[reader\];$/gm)?.length, 2);
    assert.ok(scripts.create.includes("USE [Sales];\nGO\nCREATE USER [reader] FOR LOGIN [reader];\nGRANT VIEW DEFINITION TO [reader]; -- for modules"));
    assert.ok(scripts.remove.includes("USE [Hr];\nGO\nDROP USER IF EXISTS [reader];"));
    assert.deepEqual(parseErrors(scripts.create), []);
  });

  it("leaves msdb out on request", () => {
    const groups = [group("agent", "server", "db_datareader role in msdb")];
    const scripts = grantScript({ login: "reader", includeAgent: false, groups });

    assert.ok(!scripts.create.includes("USE [msdb]"));
    assert.ok(scripts.create.includes("-- Not granted: db_datareader role in msdb, because msdb grants were not requested."));
    assert.ok(!scripts.remove.includes("msdb"));
  });

  it("writes a Windows login without a password", () => {
    const { create } = grantScript({ login: "KESTREL\\svc-infio", authentication: "windows" });

    assert.ok(create.includes("CREATE LOGIN [KESTREL\\svc-infio] FROM WINDOWS WITH DEFAULT_DATABASE = [master];"));
    assert.ok(!create.includes("PASSWORD"));
    assert.deepEqual(parseErrors(create), []);
  });

  it("removes the users, then the login", () => {
    const { remove } = grantScript({ login: "infio_reader" });

    assert.ok(remove.includes("USE [msdb];\nGO\nDROP USER IF EXISTS [infio_reader];"));
    assert.ok(remove.endsWith("IF SUSER_ID(N'infio_reader') IS NOT NULL\n    DROP LOGIN [infio_reader];\nGO\n"));
  });

  it("quotes hostile names so the statements stay the same", () => {
    const hostile = "x]'; DROP LOGIN [sa]; --";
    const plain = grantScript({ login: "plain", databases: ["Db"] });
    const quoted = grantScript({ login: hostile, databases: ["Db]; SHUTDOWN; --"] });

    assert.deepEqual(parseErrors(quoted.create), []);
    assert.deepEqual(parseErrors(quoted.remove), []);
    assert.deepEqual(statementKinds(quoted.create), statementKinds(plain.create));
    assert.deepEqual(statementKinds(quoted.remove), statementKinds(plain.remove));
    assert.ok(quoted.create.includes("CREATE USER [x]]'; DROP LOGIN [sa]]; --] FOR LOGIN [x]]'; DROP LOGIN [sa]]; --];"));
    assert.ok(quoted.create.includes("N'CREATE LOGIN [x]]''; DROP LOGIN [sa]]; --] WITH PASSWORD = '"));
    assert.ok(quoted.remove.includes("IF SUSER_ID(N'x]''; DROP LOGIN [sa]; --') IS NOT NULL"));
  });

  it("rejects invalid login names", () => {
    const cases: readonly [string, "sql" | "windows", RegExp][] = [
      ["", "sql", /invalid login name "": it is empty/],
      ["a".repeat(129), "sql", /129 characters, more than sysname's 128/],
      ["bad\nname", "sql", /contains the control character U\+000A/],
      [" padded", "sql", /starts or ends with a space/],
      ["sa", "sql", /built-in principal/],
      ["##MS_Agent##", "sql", /built-in principal/],
      ["DOMAIN\\user", "sql", /cannot contain a backslash/],
      ["user", "windows", /a Windows login is written DOMAIN\\name/],
    ];
    for (const [login, authentication, message] of cases) {
      assert.throws(() => grantScript({ login, authentication }), message, JSON.stringify(login));
    }
  });

  it("rejects invisible characters in names", () => {
    const cases: readonly [string, string][] = [
      ["\u202a", "U+202A LEFT-TO-RIGHT EMBEDDING"],
      ["\u202e", "U+202E RIGHT-TO-LEFT OVERRIDE"],
      ["\u2066", "U+2066 LEFT-TO-RIGHT ISOLATE"],
      ["\u2069", "U+2069 POP DIRECTIONAL ISOLATE"],
      ["\u200b", "U+200B ZERO WIDTH SPACE"],
      ["\u200f", "U+200F RIGHT-TO-LEFT MARK"],
      ["\ufeff", "U+FEFF ZERO WIDTH NO-BREAK SPACE"],
      ["\u2060", "U+2060"],
      ["\u2028", "U+2028"],
      ["\u0085", "U+0085"],
    ];
    for (const [character, described] of cases) {
      const name = `infio${character}reader`;
      const rejected = (error: unknown): boolean => {
        assert.ok(error instanceof RangeError);
        assert.ok(error.message.includes(described), error.message);
        assert.equal(error.message.includes(character), false, "the message shows the character escaped");
        return true;
      };
      assert.throws(() => grantScript({ login: name }), rejected, described);
      assert.throws(() => grantScript({ login: "reader", databases: [name] }), rejected, described);
    }
  });

  it("accepts names in other scripts", () => {
    const { create } = grantScript({ login: "lecteur_données", databases: ["Лаборатория", "売上"] });

    assert.ok(create.includes("CREATE USER [lecteur_données] FOR LOGIN [lecteur_données];"));
    assert.ok(create.includes("USE [売上];"));
  });

  it("states how to remove the login and who may run it", () => {
    const { create } = grantScript({ login: "infio_reader" });
    const header = create.split("\nUSE [master];")[0] ?? "";

    assert.match(header, /`infio grant-script --drop`, with the same options, prints the script/);
    assert.match(header, /Run it as a member of sysadmin\./);
    assert.match(header, /CREATE USER needs ALTER ANY USER/);
    assert.ok(!/sysadmin or securityadmin/.test(header));
  });

  it("says what CONNECT ANY DATABASE is for", () => {
    const { create } = grantScript({ login: "infio_reader" });
    const line = create.split("\n").find((text) => text.startsWith("GRANT CONNECT ANY DATABASE"));

    assert.equal(
      line,
      "GRANT CONNECT ANY DATABASE TO [infio_reader]; -- to open every database, present and future, without a user in each",
    );
  });

  it("grants SELECT in msdb once, through db_datareader", () => {
    const groups = [
      group("agent", "server", "db_datareader role in msdb"),
      group("log-shipping", "server", "SELECT in msdb"),
    ];
    const { create } = grantScript({ login: "reader", groups });
    const msdb = create.slice(create.indexOf("USE [msdb];"));

    assert.ok(msdb.includes("ALTER ROLE [db_datareader] ADD MEMBER [reader]; -- for agent, log-shipping"));
    assert.ok(!/^GRANT SELECT/m.test(msdb), msdb);
  });

  it("grants SELECT alone when no role gives it", () => {
    const groups = [group("log-shipping", "server", "SELECT in msdb")];
    const { create } = grantScript({ login: "reader", groups });

    assert.ok(create.includes("GRANT SELECT TO [reader]; -- for log-shipping"));
    assert.ok(!create.includes("ALTER ROLE"));
  });

  it("rejects invalid database names", () => {
    assert.throws(() => grantScript({ login: "reader", databases: ["ok", "bad\u0000"] }), /invalid database name "bad\\u0000"/);
    assert.throws(() => grantScript({ login: "reader", databases: [""] }), /invalid database name "": it is empty/);
  });
});
