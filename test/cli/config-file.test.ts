/**
 * The `--config` file as loadConfig reads it: encodings a text editor
 * writes, and overrides that would otherwise apply wider than meant or be
 * ignored without a word.
 */

import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";

import { loadConfig } from "../../src/cli/config.js";

describe("loadConfig", () => {
  let work: string;
  let count = 0;
  before(() => {
    work = mkdtempSync(join(tmpdir(), "infio-config-"));
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  function file(content: string | Buffer): string {
    const path = join(work, `config-${count++}.json`);
    writeFileSync(path, content);
    return path;
  }

  it("accepts a UTF-8 byte order mark", async () => {
    const json = JSON.stringify({ features: [{ featureId: "dml.top", status: "reviewManually" }] });
    const path = file(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(json, "utf8")]));
    const loaded = await loadConfig(path);
    assert.deepEqual(
      loaded.applied.map((a) => `${a.featureId} ${a.change}`),
      ["dml.top status -> reviewManually on every target"],
    );
  });

  it("applies a product-limited override to that product only", async () => {
    const path = file(JSON.stringify({ features: [{ featureId: "dml.top", product: "postgresql", status: "reviewManually" }] }));
    const loaded = await loadConfig(path);
    assert.deepEqual(loaded.applied.map((a) => a.change), ["status -> reviewManually on postgresql"]);
  });

  const rejected: [name: string, config: unknown, fragments: RegExp[]][] = [
    [
      "an unknown product",
      { features: [{ featureId: "dml.top", product: "babelfsh", status: "reviewManually" }] },
      [/'dml\.top'/, /product 'babelfsh'/, /babelfish, postgresql/],
    ],
    [
      "a product in another case",
      { features: [{ featureId: "dml.top", product: "Babelfish", status: "reviewManually" }] },
      [/product 'Babelfish'/, /babelfish, postgresql/],
    ],
    [
      "a product that is not text",
      { features: [{ featureId: "dml.top", product: 5, status: "reviewManually" }] },
      [/product 5/, /babelfish, postgresql/],
    ],
    [
      "an unknown key in a feature override",
      { features: [{ featureId: "dml.top", stauts: "reviewManually" }] },
      [/'dml\.top'/, /unknown key 'stauts'/, /featureId, detail, product, status, complexity, effortHours/],
    ],
    [
      "an unknown key in effortHours",
      { features: [{ featureId: "dml.top", effortHours: { low: 1, high: 2, max: 3 } }] },
      [/'dml\.top'/, /unknown key 'max'/, /low, high/],
    ],
    [
      "an unknown key in a rate",
      { rates: { medium: { low: 1, hihg: 2 } } },
      [/rates/, /unknown key 'hihg'/, /low, high/],
    ],
    [
      "an override without featureId",
      { features: [{ feature: "dml.top", status: "reviewManually" }] },
      [/unknown key 'feature'/],
    ],
    [
      "an unknown top-level key",
      { features: [], occurenceRates: {} },
      [/unknown key 'occurenceRates'/, /features, rates, detailRates, occurrenceRates, retention, auditLog/],
    ],
  ];
  for (const [name, config, fragments] of rejected) {
    it(`rejects ${name}`, async () => {
      const path = file(JSON.stringify(config));
      await assert.rejects(loadConfig(path), (error: Error) => {
        assert.equal(error.name, "UsageError");
        for (const fragment of fragments) {
          assert.match(error.message, fragment);
        }
        return true;
      });
    });
  }
});
