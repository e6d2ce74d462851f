import assert from "node:assert/strict";
import { test } from "node:test";

import { DATABASE_PARTS, SERVER_PARTS } from "../../../../src/sources/sqlserver/inventory/index.js";
import { parse } from "../../../../src/tsql/parse.js";
import { CREDENTIAL_IDENTITIES } from "../../../helpers/sqlserver-fixture/kestrel/credentials.js";
import { FIXTURE_PASSWORD_HASH } from "../../../helpers/sqlserver-fixture/kestrel/security-server.js";
import { RESPONDERS } from "../../../helpers/sqlserver-fixture/responders/index.js";
import { assertNoSecrets, FEATURE_PARTS, runPart } from "./part-runner.js";

const QUERIES = FEATURE_PARTS.flatMap((part) => part.queries.map((query) => ({ part, query })));

test("feature parts are registered with their scope", () => {
  for (const part of FEATURE_PARTS) {
    const registry = part.scope === "server" ? SERVER_PARTS : DATABASE_PARTS;
    assert.ok(registry.includes(part), `${part.name} is not in the ${part.scope} parts`);
  }
});

for (const { part, query } of QUERIES) {
  test(`query ${query.id} parses without errors`, () => {
    const result = parse(query.text, { file: query.id });
    const errors = result.diagnostics.filter((d) => d.severity === "error");

    assert.deepEqual(errors, []);
    assert.equal(result.batches.length, 1);
  });

  test(`query ${query.id} declares scope, reads and permission`, () => {
    assert.equal(query.scope, part.scope);
    assert.match(query.id, /^inventory\.[a-z0-9-]+$/);
    assert.ok(query.text.startsWith(`/* infio:${query.id} */\n`));
    assert.ok(query.permission.length > 0);
    assert.ok(query.reads.length > 0);

    // Every view named in FROM or JOIN is declared, msdb tables by three-part name.
    const named = [...query.text.matchAll(/\b(?:FROM|JOIN)\s+((?:msdb\.dbo|sys)\.[a-z_]+)/gi)].map((m) => m[1]!);
    for (const view of named) {
      assert.ok(query.reads.includes(view), `${query.id} reads ${view} without declaring it`);
    }
    for (const view of query.reads) {
      assert.ok(query.text.includes(view), `${query.id} declares ${view} but does not read it`);
    }
  });

  test(`query ${query.id} has a fixture responder`, () => {
    assert.equal(typeof RESPONDERS[query.id], "function");
  });
}

test("feature part queries have distinct ids", () => {
  const ids = QUERIES.map(({ query }) => query.id);

  assert.equal(new Set(ids).size, ids.length);
});

test("feature parts never read password hashes, secrets or provider strings", () => {
  for (const { query } of QUERIES) {
    assert.doesNotMatch(query.text, /password_hash|\bsecret\b|provider_string/i, query.id);
    assert.doesNotMatch(query.text, /SELECT\s+\*/i, query.id);
  }
});

test("feature parts on Kestrel hold no password, hash or credential identity", async () => {
  const forbidden = [
    ...CREDENTIAL_IDENTITIES,
    FIXTURE_PASSWORD_HASH.toString("hex"),
    FIXTURE_PASSWORD_HASH.toString("base64"),
    "kestrel_reader",
    "KCC_LEDGER",
  ];

  for (const part of FEATURE_PARTS) {
    for (const database of part.scope === "server" ? ["master"] : ["KestrelColdChain", "Archive"]) {
      const { items } = await runPart(part, { database });
      assertNoSecrets(items, forbidden);
    }
  }
});
