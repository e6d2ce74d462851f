import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { maskUrl, parseStoreSpec } from "../../src/store/spec.js";

describe("parseStoreSpec", () => {
  it("accepts embedded and none", () => {
    assert.deepStrictEqual(parseStoreSpec("embedded"), {
      ok: true,
      spec: { kind: "embedded" },
    });
    assert.deepStrictEqual(parseStoreSpec("none"), {
      ok: true,
      spec: { kind: "none" },
    });
  });

  for (const url of [
    "postgres://infio@db.example.com:5432/infio",
    "postgresql://u:p@[::1]/infio?sslmode=verify-full",
    "postgres://localhost",
  ]) {
    it(`accepts ${url}`, () => {
      assert.deepStrictEqual(parseStoreSpec(url), {
        ok: true,
        spec: { kind: "server", url },
      });
    });
  }

  const invalid: readonly [string, string, RegExp][] = [
    ["a typo", "embeded", /invalid store 'embeded'/],
    ["another scheme", "mysql://u:hunter2@h/db", /'mysql:\/\/u:\*\*\*\*@h\/db'/],
    ["a URL without host", "postgres:///infio", /expected 'embedded', 'none'/],
    ["an unparsable URL", "postgres://u:hunter2@[bad/db", /'postgres:\*\*\*\*'/],
    ["an empty value", "", /invalid store ''/],
  ];
  for (const [name, value, message] of invalid) {
    it(`rejects ${name}`, () => {
      const result = parseStoreSpec(value);

      assert.ok(!result.ok);
      assert.equal(result.error.code, "invalid-spec");
      assert.match(result.error.message, message);
      assert.equal(result.error.message.includes("hunter2"), false);
    });
  }
});

describe("maskUrl", () => {
  const cases: readonly [string, string][] = [
    [
      "postgres://infio:s3cr%40t@db:5432/infio",
      "postgres://infio:****@db:5432/infio",
    ],
    ["postgres://infio@db/infio", "postgres://infio@db/infio"],
    [
      "postgres://db/infio?password=hunter2&sslmode=require",
      "postgres://db/infio?password=****&sslmode=require",
    ],
    [
      "postgres://db/infio?sslpassword=hunter2",
      "postgres://db/infio?sslpassword=****",
    ],
    ["not a url: with:colon", "****"],
  ];
  for (const [url, masked] of cases) {
    it(`masks ${masked}`, () => {
      assert.equal(maskUrl(url), masked);
    });
  }
});
