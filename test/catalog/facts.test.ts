import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { BABELFISH_RELEASES } from "../../src/catalog/babelfish-versions.js";
import { classify } from "../../src/catalog/catalog.js";
import type { CatalogStatus } from "../../src/catalog/model.js";
import { compareVersions, parseTarget } from "../../src/catalog/targets.js";

const bbf = (version: string) => ({ product: "babelfish" as const, version });
const postgres = (version: string) => ({ product: "postgresql" as const, version });

interface Fact {
  readonly id: string;
  readonly detail?: string;
  readonly before: string;
  readonly beforeStatus: CatalogStatus;
  readonly at: string;
  readonly atStatus: CatalogStatus;
}

// Each row is one fact the catalog states, with the document it came from.
// "Compass" is babelfish_compass BabelfishFeatures.cfg (tag v.2026-04 and
// the branch prepared for 6.0.0).
const BABELFISH_FACTS: readonly Fact[] = [
  // Compass: [SELECT..UNPIVOT] supported-4.6.0-4.* and supported-5.2.0.
  { id: "dml.unpivot", before: "4.5.0", beforeStatus: "notSupported", at: "4.6.0", atStatus: "supported" },
  { id: "dml.unpivot", before: "5.1.0", beforeStatus: "notSupported", at: "5.2.0", atStatus: "supported" },
  // Compass: [ALTER VIEW] supported-4.6.0-4.* and supported-5.2.0.
  { id: "module.view.alter", before: "5.1.0", beforeStatus: "notSupported", at: "5.2.0", atStatus: "supported" },
  // Compass: [SELECT TOP PERCENT] non-100 values from 4.8.0-4.* and 5.4.0.
  { id: "dml.top.percent", before: "5.3.0", beforeStatus: "notSupported", at: "5.4.0", atStatus: "supported" },
  // Compass: [INSERT] DEFAULT VALUES from 4.8.0-4.* and 5.4.0.
  { id: "dml.insert.default_values", before: "4.7.0", beforeStatus: "notSupported", at: "4.8.0", atStatus: "supported" },
  // Compass: [XML features] supported-4.4.0=EXIST.
  { id: "xml.method.exist", before: "4.3.0", beforeStatus: "notSupported", at: "4.4.0", atStatus: "supported" },
  // Compass: [XML features] supported-5.4.0=VALUE.
  { id: "xml.method.value", before: "5.3.0", beforeStatus: "notSupported", at: "5.4.0", atStatus: "supported" },
  // Compass: [Built-in functions] supported-5.4.0=OPENXML.
  { id: "xml.openxml", before: "5.3.0", beforeStatus: "notSupported", at: "5.4.0", atStatus: "supported" },
  // Compass: [System Stored Procedures] sp_xml_preparedocument from 5.4.0.
  { id: "xml.sp_xml_preparedocument", before: "5.3.0", beforeStatus: "notSupported", at: "5.4.0", atStatus: "supported" },
  // Compass: [Instead-Of Trigger] supported-3.5.0=VIEW.
  { id: "trigger.dml.instead_of_view", before: "3.4.0", beforeStatus: "notSupported", at: "3.5.0", atStatus: "supported" },
  // Compass: [ENABLE TRIGGER] and [DISABLE TRIGGER] supported-3.4.0.
  { id: "trigger.enable_disable", before: "3.3.0", beforeStatus: "reviewManually", at: "3.4.0", atStatus: "supported" },
  // Compass: [Procedure options] supported-4.3.0=RECOMPILE.
  { id: "module.option.recompile", before: "4.2.0", beforeStatus: "notSupported", at: "4.3.0", atStatus: "supported" },
  // Compass: [Parameter value DEFAULT] supported-3.4.0.
  { id: "module.call.default_argument", before: "3.3.0", beforeStatus: "notSupported", at: "3.4.0", atStatus: "supported" },
  // Compass: [DBA statements] supported-3.4.0=KILL SPID.
  { id: "statement.kill", before: "3.3.0", beforeStatus: "notSupported", at: "3.4.0", atStatus: "supported" },
  // Compass: [DBCC statements] supported-3.4.0=CHECKIDENT.
  { id: "statement.dbcc", detail: "checkident", before: "3.3.0", beforeStatus: "notSupported", at: "3.4.0", atStatus: "supported" },
  // Compass: [Table value constructor] supported-2.3.0.
  { id: "dml.values.derived_table", before: "2.2.0", beforeStatus: "notSupported", at: "2.3.0", atStatus: "supported" },
  // Compass: [Built-in functions] supported-3.4.0=IDENTITY.
  { id: "ddl.column.identity_function", before: "3.3.0", beforeStatus: "notSupported", at: "3.4.0", atStatus: "supported" },
  // Compass: [Catalogs] supported-4.3.0=sequences.
  { id: "catalog.sys_sequences", before: "4.2.0", beforeStatus: "notSupported", at: "4.3.0", atStatus: "supported" },
  // Compass: [Catalogs] time_zone_info from 4.8.0-4.* and 5.4.0.
  { id: "catalog.sys_time_zone_info", before: "5.3.0", beforeStatus: "notSupported", at: "5.4.0", atStatus: "supported" },
  // Compass: [System Stored Procedures] sp_helplogins from 4.7.0-4.* and 5.3.0.
  { id: "sysproc.sp_helplogins", before: "4.6.0", beforeStatus: "notSupported", at: "4.7.0", atStatus: "supported" },
  // Compass: [Geospatial features] STLINEFROMTEXT from 5.4.0.
  { id: "builtin.method.spatial", detail: "stlinefromtext", before: "5.3.0", beforeStatus: "notSupported", at: "5.4.0", atStatus: "supported" },
  // Compass: [SET ROWCOUNT] supported-3.2.0=NONZERO.
  { id: "set.option", detail: "rowcount", before: "3.1.0", beforeStatus: "notSupported", at: "3.2.0", atStatus: "supported" },
  // Compass: [Aggregate functions] supported-3.2.0=STDEV.
  { id: "builtin.function.stdev", before: "3.1.0", beforeStatus: "notSupported", at: "3.2.0", atStatus: "supported" },
  // Compass: [@@variable] supported-2.2.0=@@LANGUAGE.
  { id: "variable.language", before: "2.1.0", beforeStatus: "notSupported", at: "2.2.0", atStatus: "supported" },
  // gram-tsql-rule.y (4.4.0) and guc.c from the 3.4 branch: SERIALIZABLE is
  // rejected unless babelfishpg_tsql.isolation_level_serializable is set.
  { id: "transaction.isolation", detail: "serializable", before: "3.3.0", beforeStatus: "notSupported", at: "3.4.0", atStatus: "reviewManually" },
  // pg_stat_statements_tsql.mix on the 3.3 branch runs GROUP BY ROLLUP.
  { id: "dml.group_by.rollup", before: "3.2.0", beforeStatus: "reviewManually", at: "3.3.0", atStatus: "supported" },
  // BABEL_4817-vu-prepare.mix on the 4.2 branch creates INCLUDE indexes.
  { id: "ddl.index.include", before: "4.1.0", beforeStatus: "reviewManually", at: "4.2.0", atStatus: "supported" },
];

// Facts that hold on every listed release, old and new.
const STEADY_FACTS: readonly { id: string; detail?: string; status: CatalogStatus }[] = [
  // Compass 6.0.0: [MERGE] has no supporting release; the development
  // pull request keeps it behind a parameter that is off by default.
  { id: "dml.merge", status: "notSupported" },
  // Compass 6.0.0: [SELECT TOP WITH TIES] has no supporting release.
  { id: "dml.top.with_ties", status: "notSupported" },
  // Compass 6.0.0: [WAITFOR] lists DELAY and TIME, neither supported.
  { id: "statement.waitfor", status: "notSupported" },
  // Compass 6.0.0: SYNONYM is in [Miscellaneous objects], never supported.
  { id: "ddl.synonym", status: "notSupported" },
  // Compass 6.0.0: [Built-in functions] lists GREATEST without a release.
  { id: "builtin.function.greatest", status: "notSupported" },
  // tsqlUnsupportedFeatureHandler.cpp (4.4.0) rejects LOCK_ESCALATION.
  { id: "ddl.table.lock_escalation", status: "notSupported" },
  // Compass: [Cursor options] default Ignored for FAST_FORWARD.
  { id: "cursor.option.fast_forward", status: "ignored" },
];

describe("Babelfish facts by release", () => {
  for (const fact of BABELFISH_FACTS) {
    const name = `${fact.id}${fact.detail === undefined ? "" : `[${fact.detail}]`} changes at ${fact.at}`;

    it(name, () => {
      const before = classify(fact.id, fact.detail, bbf(fact.before)).status;
      const at = classify(fact.id, fact.detail, bbf(fact.at)).status;

      assert.equal(before, fact.beforeStatus, `${fact.id} on ${fact.before}`);
      assert.equal(at, fact.atStatus, `${fact.id} on ${fact.at}`);
    });
  }

  for (const fact of STEADY_FACTS) {
    it(`${fact.id} is ${fact.status} on 1.0.0, 5.5.0 and 6.0.0`, () => {
      for (const version of ["1.0.0", "5.5.0", "6.0.0"]) {
        assert.equal(classify(fact.id, fact.detail, bbf(version)).status, fact.status, version);
      }
    });
  }
});

describe("PostgreSQL facts by major", () => {
  // PostgreSQL 18 release notes: virtual generated columns.
  it("computed columns need PostgreSQL 18", () => {
    assert.equal(classify("ddl.column.computed", undefined, postgres("17")).status, "notSupported");
    assert.equal(classify("ddl.column.computed", undefined, postgres("18")).status, "reviewSemantics");
  });

  // PostgreSQL 17 manual: MERGE ... RETURNING with merge_action().
  it("MERGE OUTPUT needs PostgreSQL 17", () => {
    assert.equal(classify("dml.merge", "output", postgres("16")).status, "notSupported");
    assert.equal(classify("dml.merge", "output", postgres("17")).status, "reviewManually");
  });
});

describe("Babelfish releases", () => {
  it("are in ascending order without duplicates", () => {
    for (let i = 1; i < BABELFISH_RELEASES.length; i++) {
      const previous = BABELFISH_RELEASES[i - 1]!.version;
      const current = BABELFISH_RELEASES[i]!.version;
      assert.ok(compareVersions(previous, current) < 0, `${previous} before ${current}`);
    }
  });

  it("pair 5.5.0 with Aurora 17.9 and 6.0.0 with 18.3", () => {
    const byVersion = new Map(BABELFISH_RELEASES.map((r) => [r.version, r]));
    assert.equal(byVersion.get("5.5.0")?.auroraPostgresql, "17.9");
    assert.equal(byVersion.get("6.0.0")?.auroraPostgresql, "18.3");
    assert.equal(byVersion.get("4.8.0")?.auroraPostgresql, "16.11");
    assert.equal(byVersion.get("5.6.0")?.auroraVerified, false);
  });

  it("unverified Aurora versions name at most the minor", () => {
    for (const release of BABELFISH_RELEASES) {
      assert.match(release.auroraPostgresql, /^\d+(\.\d+)?$/, release.version);
    }
  });

  it("babelfish without a version is the latest release", () => {
    const parsed = parseTarget("babelfish");
    assert.ok(parsed.ok);
    assert.equal(parsed.target.version, "6.0.0");
  });

  it("babelfish@6.0 and babelfish@4.8 parse", () => {
    for (const [text, version] of [["babelfish@6.0", "6.0.0"], ["babelfish@4.8", "4.8.0"]] as const) {
      const parsed = parseTarget(text);
      assert.ok(parsed.ok, text);
      assert.equal(parsed.target.version, version);
    }
  });
});
