import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { classify, defaultCatalog, featureById, statusAt } from "../../src/catalog/catalog.js";
import { countFeatures } from "../../src/catalog/counts.js";
import { babelfishVersions, parseTarget } from "../../src/catalog/targets.js";

const bbf = (version: string) => ({ product: "babelfish" as const, version });
const postgres = (version: string) => ({ product: "postgresql" as const, version });

describe("classify", () => {
  it("CHECKPOINT is notSupported on every Babelfish version", () => {
    for (const version of babelfishVersions()) {
      assert.equal(classify("statement.checkpoint", undefined, bbf(version)).status, "notSupported", version);
    }
  });

  const transitions = [
    { id: "builtin.function.str", before: "2.3.0", from: "2.4.0" },
    { id: "json.for_json", before: "2.2.0", from: "2.3.0" },
    { id: "trigger.dml.instead_of_table", before: "1.1.0", from: "1.2.0" },
    { id: "builtin.function.translate", before: "4.2.0", from: "4.3.0" },
    { id: "dml.pivot", before: "3.3.0", from: "3.4.0" },
  ];
  for (const { id, before, from } of transitions) {
    it(`${id} changes at ${from}`, () => {
      assert.equal(classify(id, undefined, bbf(before)).status, "notSupported");
      assert.equal(classify(id, undefined, bbf(from)).status, "supported");
      assert.equal(classify(id, undefined, bbf("5.6.0")).status, "supported");
    });
  }

  it("unknown id is unknown, never supported", () => {
    const result = classify("statement.no_such_thing", undefined, bbf("5.6.0"));
    assert.equal(result.status, "unknown");
    assert.match(result.remedy, /statement\.no_such_thing/);
    assert.ok(result.effortHours !== undefined);
  });

  const details = [
    { id: "builtin.function.hashbytes", detail: "MD2", status: "notSupported" },
    { id: "builtin.function.hashbytes", detail: "sha2_256", status: "supported" },
    { id: "builtin.function.serverproperty", detail: "ProductVersion", status: "supported" },
    { id: "builtin.function.serverproperty", detail: "IsClustered", status: "notSupported" },
    { id: "builtin.function.serverproperty", detail: "NoSuchProperty", status: "reviewManually" },
    { id: "transaction.isolation", detail: "serializable", status: "reviewManually" },
    { id: "builtin.function.datepart", detail: "dd", status: "supported" },
    { id: "cursor.option.scroll", detail: undefined, status: "notSupported" },
  ];
  for (const { id, detail, status } of details) {
    it(`${id} with detail ${detail ?? "none"} is ${status}`, () => {
      assert.equal(classify(id, detail, bbf("5.6.0")).status, status);
    });
  }

  it("PostgreSQL majors differ for MERGE NOT MATCHED BY SOURCE", () => {
    assert.equal(classify("dml.merge", "not_matched_by_source", postgres("16")).status, "notSupported");
    assert.equal(classify("dml.merge", "not_matched_by_source", postgres("17")).status, "supported");
    assert.equal(classify("dml.top", undefined, postgres("18")).status, "notSupported");
  });

  it("returns target-specific remedy", () => {
    const onPostgres = classify("dml.top", undefined, postgres("17"));
    assert.match(onPostgres.remedy, /LIMIT/);
    assert.equal(onPostgres.group, "DML");
    assert.equal(classify("dml.top", undefined, bbf("5.6.0")).effortHours, undefined);
  });

  it("statusAt uses the last step not after the version", () => {
    const steps = [{ from: "1.0.0", status: "notSupported" as const }, { from: "2.10.0", status: "supported" as const }];
    assert.equal(statusAt(steps, "2.9.0"), "notSupported");
    assert.equal(statusAt(steps, "2.10.0"), "supported");
    assert.equal(statusAt(steps, "0.9.0"), "reviewManually");
  });

  it("featureById finds entries", () => {
    assert.equal(featureById("ddl.table.filestream")?.group, "Table options");
    assert.equal(featureById("nope.nope"), undefined);
  });
});

describe("countFeatures", () => {
  it("counts every feature once per target", () => {
    const counts = countFeatures([bbf("5.6.0"), postgres("17")]);
    const total = counts.reduce((sum, group) => sum + group.features, 0);
    assert.equal(total, defaultCatalog().entries.size);
    for (const group of counts) {
      const byStatus = Object.values(group.byTarget["babelfish@5.6.0"]!).reduce((a, b) => a + b, 0);
      assert.equal(byStatus, group.features, group.group);
    }
  });
});

describe("partitioning statuses", () => {
  const on = (text: string) => {
    const result = parseTarget(text);
    assert.ok(result.ok);
    return result.target;
  };

  it("RANGE RIGHT is supported from 4.3.0", () => {
    assert.equal(classify("ddl.partition.function", "range_right", on("babelfish@4.2")).status, "notSupported");
    assert.equal(classify("ddl.partition.function", "range_right", on("babelfish@4.3")).status, "supported");
  });

  it("RANGE LEFT and ALTER stay unsupported", () => {
    assert.equal(classify("ddl.partition.function", "range_left", on("babelfish@5.5")).status, "notSupported");
    assert.equal(classify("ddl.partition.function", "alter", on("babelfish@5.5")).status, "notSupported");
    assert.equal(classify("ddl.partition.scheme", "alter", on("babelfish@5.5")).status, "notSupported");
  });

  it("partitioned tables are supported from 4.3.0", () => {
    assert.equal(classify("ddl.table.partitioned", undefined, on("babelfish@4.2")).status, "notSupported");
    assert.equal(classify("ddl.table.partitioned", undefined, on("babelfish@4.3")).status, "supported");
  });
});
