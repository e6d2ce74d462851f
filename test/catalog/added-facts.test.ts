import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { classify, featureById } from "../../src/catalog/catalog.js";
import type { CatalogStatus } from "../../src/catalog/model.js";

const bbf = (version: string) => ({ product: "babelfish" as const, version });
const postgres = (version: string) => ({ product: "postgresql" as const, version });

// Each row is [id, detail, version, expected status] with the source of
// the fact. "Compass" is babelfish_compass BabelfishFeatures.cfg (branch
// prepared for 6.0.0); "upgrade script" is babelfish_extensions
// BABEL_4_X_DEV contrib/babelfishpg_tsql/sql/upgrades.
const BABELFISH: readonly (readonly [string, string | undefined, string, CatalogStatus])[] = [
  // Compass: [Built-in functions] supported-1.0.0 lists these.
  ["builtin.function.sysutcdatetime", undefined, "1.0.0", "supported"],
  ["builtin.function.year", undefined, "1.0.0", "supported"],
  ["builtin.function.month", undefined, "3.1.0", "supported"],
  ["builtin.function.round", undefined, "6.0.0", "supported"],
  ["builtin.function.suser_id", undefined, "1.0.0", "supported"],
  ["builtin.function.user_id", undefined, "5.5.0", "supported"],
  ["builtin.function.current_user", undefined, "1.0.0", "supported"],
  // Compass: [Aggregate functions] supported-1.0.0.
  ["builtin.function.count_big", undefined, "1.0.0", "supported"],
  ["builtin.function.grouping", undefined, "1.0.0", "supported"],
  // Compass: [SCHEMA_ID with N arguments] 1 argument from 1.0.0, none from 1.2.0.
  ["builtin.function.schema_id", undefined, "1.1.0", "reviewManually"],
  ["builtin.function.schema_id", undefined, "1.2.0", "supported"],
  // Compass: [TRIGGER_NESTLEVEL with N arguments] supported-1.1.0=0.
  ["builtin.function.trigger_nestlevel", undefined, "1.0.0", "notSupported"],
  ["builtin.function.trigger_nestlevel", undefined, "1.1.0", "reviewManually"],
  // Compass: [OBJECTPROPERTYEX] supported-2.2.0 for the listed properties.
  ["builtin.function.objectpropertyex", "istable", "2.1.0", "notSupported"],
  ["builtin.function.objectpropertyex", "istable", "2.2.0", "supported"],
  ["builtin.function.objectpropertyex", "cnstisclustkey", "6.0.0", "reviewManually"],
  ["builtin.function.indexproperty", "isunique", "2.2.0", "supported"],
  // Compass lists these without a supporting release.
  ["builtin.function.binary_checksum", undefined, "6.0.0", "notSupported"],
  ["builtin.function.textptr", undefined, "6.0.0", "notSupported"],
  ["builtin.function.key_guid", undefined, "6.0.0", "notSupported"],
  ["builtin.function.freetext", undefined, "6.0.0", "notSupported"],
  // Compass: reviewmanually-3.5.0=CONTAINS.
  ["builtin.function.contains", undefined, "3.4.0", "notSupported"],
  ["builtin.function.contains", undefined, "3.5.0", "reviewManually"],
  // Compass and gram-tsql-rule.y (4.4.0) disagree on PARSE.
  ["builtin.function.parse", undefined, "4.4.0", "reviewManually"],
  // Compass: [Catalogs] supported-1.0.0=views; supported-3.1.0=servers,
  // and the 3.0.0 to 3.1.0 upgrade script creates sys.servers.
  ["catalog.sys_views", undefined, "1.0.0", "supported"],
  ["catalog.sys_servers", undefined, "2.4.0", "notSupported"],
  ["catalog.sys_servers", undefined, "3.1.0", "supported"],
  // Compass: [Catalogs] availability_groups from 3.5.0-3.* and 4.1.0.
  ["catalog.sys_availability_groups", undefined, "3.5.0", "supported"],
  ["catalog.sys_availability_groups", undefined, "4.0.0", "notSupported"],
  ["catalog.sys_availability_groups", undefined, "4.1.0", "supported"],
  // The 2.1.0 to 2.2.0 upgrade script creates sys.stats with WHERE FALSE.
  ["catalog.sys_stats", undefined, "2.1.0", "notSupported"],
  ["catalog.sys_stats", undefined, "2.2.0", "reviewSemantics"],
  ["catalog.sys_messages", undefined, "6.0.0", "notSupported"],
  ["catalog.sys_dm_db_index_physical_stats", undefined, "6.0.0", "notSupported"],
  // Compass: [System Functions] supported-1.0.0=fn_helpcollations.
  ["catalog.sys_fn_helpcollations", undefined, "1.0.0", "supported"],
  // Compass: [System Stored Procedures] lists sp_add%, sp_oa% and
  // sp_refresh% without these names in a supported- release.
  ["sysproc.sp_add_jobserver", undefined, "6.0.0", "notSupported"],
  ["sysproc.sp_oamethod", undefined, "6.0.0", "notSupported"],
  ["sysproc.sp_refreshview", undefined, "6.0.0", "notSupported"],
  ["sysproc.sp_settriggerorder", undefined, "6.0.0", "notSupported"],
  ["sysproc.sp_databases", undefined, "1.1.0", "supported"],
  // Compass: supported-2.1.0=xp_instance_regread; procedures.c (4.4.0)
  // returns NULL for every key.
  ["sysproc.xp_instance_regread", undefined, "1.5.0", "notSupported"],
  ["sysproc.xp_instance_regread", undefined, "2.1.0", "reviewSemantics"],
  // No opened source covers the msdb Agent tables.
  ["catalog.msdb_dbo_sysschedules", undefined, "6.0.0", "notSupported"],
];

// PostgreSQL 17 manual: functions and operators.
const POSTGRESQL: readonly (readonly [string, CatalogStatus])[] = [
  ["builtin.function.log10", "supported"],
  ["builtin.function.grouping", "supported"],
  ["builtin.function.count_big", "notSupported"],
  ["builtin.function.year", "notSupported"],
  ["builtin.function.round", "reviewManually"],
  ["builtin.function.current_timestamp", "reviewSemantics"],
];

describe("added Babelfish facts", () => {
  for (const [id, detail, version, status] of BABELFISH) {
    const name = `${id}${detail === undefined ? "" : `[${detail}]`} on ${version}`;

    it(name, () => {
      assert.notEqual(featureById(id), undefined, `${id} missing`);
      assert.equal(classify(id, detail, bbf(version)).status, status);
    });
  }
});

describe("added PostgreSQL facts", () => {
  for (const [id, status] of POSTGRESQL) {
    it(`${id} on PostgreSQL 16 and 18`, () => {
      assert.equal(classify(id, undefined, postgres("16")).status, status);
      assert.equal(classify(id, undefined, postgres("18")).status, status);
    });
  }
});

describe("unverified added entries", () => {
  it("msdb tables and PARSE are marked unverified", () => {
    for (const id of ["catalog.msdb_dbo_sysschedules", "catalog.msdb_dbo_sysjobsteps", "builtin.function.parse"]) {
      assert.equal(featureById(id)?.verified, false, id);
    }
  });
});
