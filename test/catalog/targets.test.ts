import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { compareVersions, latestBabelfishVersion, parseTarget } from "../../src/catalog/targets.js";

describe("parseTarget", () => {
  const valid = [
    { text: "babelfish", product: "babelfish", version: latestBabelfishVersion() },
    { text: "babelfish@5.5", product: "babelfish", version: "5.5.0" },
    { text: "babelfish@5", product: "babelfish", version: "5.6.0" },
    { text: "babelfish@4", product: "babelfish", version: "4.10.0" },
    { text: "babelfish@2", product: "babelfish", version: "2.13.0" },
    { text: "babelfish@6", product: "babelfish", version: "6.0.0" },
    { text: "babelfish@05", product: "babelfish", version: "5.6.0" },
    { text: "Babelfish@3.4.0", product: "babelfish", version: "3.4.0" },
    { text: "postgresql@17", product: "postgresql", version: "17" },
    { text: "postgresql", product: "postgresql", version: "18" },
  ];
  for (const { text, product, version } of valid) {
    it(`parses ${text}`, () => {
      const result = parseTarget(text);
      assert.ok(result.ok, JSON.stringify(result));
      assert.equal(result.target.product, product);
      assert.equal(result.target.version, version);
    });
  }

  const invalid = [
    { text: "babelfish@9.9", message: /'9\.9'.*valid versions: 1\.0\.0/ },
    { text: "postgresql@12", message: /'12'.*16, 17, 18/ },
    { text: "oracle", message: /unknown product 'oracle'/ },
    { text: "babelfish@x", message: /'x'/ },
    { text: "babelfish@7", message: /'7'.*major version alone/ },
    { text: "babelfish@0", message: /'0'/ },
    { text: "babelfish@5.0", message: /'5\.0'/ },
    { text: "babelfish@", message: /''/ },
  ];
  for (const { text, message } of invalid) {
    it(`rejects ${text}`, () => {
      const result = parseTarget(text);
      assert.equal(result.ok, false);
      if (!result.ok) assert.match(result.error, message);
    });
  }
});

describe("compareVersions", () => {
  it("compares numerically", () => {
    assert.ok(compareVersions("2.10.0", "2.9.0") > 0);
    assert.ok(compareVersions("5.5", "5.5.0") === 0);
    assert.ok(compareVersions("1.2.0", "1.10.0") < 0);
  });
});
