import assert from "node:assert/strict";
import { describe, it } from "node:test";

import type { NameKind } from "../../../src/report/redact/kinds.js";
import { ComplexNames, redactMessage, type MessageOptions } from "../../../src/report/redact/messages.js";
import { redactServerAddress } from "../../../src/report/redact/names.js";
import { twoPass } from "./harness.js";

const KNOWN: readonly (readonly [string, NameKind])[] = [
  ["SQL02", "server"],
  ["Sales", "database"],
  ["Sales Archive", "database"],
  ["Orders", "table"],
  ["CORP\\alice", "login"],
  ["Total", "column"],
];

function redact(text: string, options: MessageOptions, known = KNOWN): string {
  return twoPass(known, ({ namer, vocabulary, registry }) => {
    // Registers sql01, sql01.corp.example and the address as servers 1 to 3.
    redactServerAddress("sql01.corp.example,1433", namer);
    const complexNames = new ComplexNames(registry.allSpellings());
    return redactMessage(text, { namer, vocabulary, complexNames }, options);
  });
}

const STRICT = { strict: true } as const;
const PROSE = { strict: false } as const;

describe("redactMessage", () => {
  it("replaces the parts of an unquoted four-part name", () => {
    const text = redact("four-part name SQL02.Sales.dbo.Orders in a query", STRICT);

    assert.equal(text, "four-part name server4.database1.dbo.table1 in a query");
  });

  it("treats unknown words of a finding's message as names", () => {
    const text = redact("computed column Margin AS ...", STRICT);

    assert.equal(text, "computed column name1 AS ...");
  });

  it("keeps the finding's detail when quoted", () => {
    const text = redact("HASHBYTES('MD4', ...) with 'wyvern'", { strict: true, detail: "md4" });

    assert.equal(text, "HASHBYTES('MD4', ...) with 'name1'");
  });

  it("replaces names with spaces and punctuation whole", () => {
    const text = redact("cannot read database 'Sales Archive' on 'sql01.corp.example,1433': timeout", PROSE);

    assert.equal(text, "cannot read database 'database2' on 'server3': timeout");
  });

  it("replaces another spelling of a server address", () => {
    const text = redact("cannot connect to sql01.corp.example:1433 or sql01", PROSE);

    assert.equal(text, "cannot connect to server2:1433 or server1", "the host and its first label are named");
  });

  it("keeps prose and replaces the known names in it", () => {
    const text = redact("database 'Salesforce' was not found; the server lists: Sales, Sales Archive", PROSE);

    // The quoted text is redacted strictly; unquoted, only known names go.
    assert.equal(text, "database 'name1' was not found; the server lists: database1, database2");
  });

  it("does not replace a known name inside a longer word", () => {
    const text = redact("SalesOrders and Sales", PROSE);

    assert.equal(text, "SalesOrders and database1");
  });

  it("replaces every part of a dotted name with a known part", () => {
    const text = redact("cannot read Sales.dbo.usp_Seal: created WITH ENCRYPTION", PROSE);

    assert.equal(text, "cannot read database1.dbo.name1: created WITH ENCRYPTION");
  });

  it("replaces a Windows login in brackets and quotes", () => {
    const text = redact("login 'CORP\\alice' and [CORP\\alice] lack VIEW SERVER STATE", PROSE);

    assert.equal(text, "login 'login1' and [login1] lack VIEW SERVER STATE");
  });

  it("keeps quoted inventory part names", () => {
    const text = redact("cannot read part 'agent' of server 'sql01.corp.example,1433': denied", PROSE);

    assert.equal(text, "cannot read part 'agent' of server 'server3': denied");
  });

  it("reads an apostrophe in a word as no quote", () => {
    const text = redact("check the server's error log, then collect again", PROSE);

    assert.equal(text, "check the server's error log, then collect again");
  });

  it("keeps T-SQL words unless a structured part uses them", () => {
    const text = redact("SET NOCOUNT ON and ORDER BY Total", STRICT);

    assert.equal(text, "SET NOCOUNT ON and ORDER BY column1");
  });
});
