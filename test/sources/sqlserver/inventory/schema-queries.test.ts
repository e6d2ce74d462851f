import { test } from "node:test";
import assert from "node:assert/strict";

import { queryIdOf } from "../../../../src/sources/sqlserver/catalog-query.js";
import { availabilityGroupsPart } from "../../../../src/sources/sqlserver/inventory/availability-groups.js";
import { clusterNodesPart } from "../../../../src/sources/sqlserver/inventory/cluster-nodes.js";
import { columnTypesPart } from "../../../../src/sources/sqlserver/inventory/column-types.js";
import { configurationPart } from "../../../../src/sources/sqlserver/inventory/configuration.js";
import { constraintsPart } from "../../../../src/sources/sqlserver/inventory/constraints.js";
import { databaseFilesPart } from "../../../../src/sources/sqlserver/inventory/database-files.js";
import { databasesPart } from "../../../../src/sources/sqlserver/inventory/databases.js";
import { hostPart } from "../../../../src/sources/sqlserver/inventory/host.js";
import { DATABASE_PARTS, SERVER_PARTS } from "../../../../src/sources/sqlserver/inventory/index.js";
import { indexesPart } from "../../../../src/sources/sqlserver/inventory/indexes.js";
import { logShippingPart } from "../../../../src/sources/sqlserver/inventory/log-shipping.js";
import { objectsPart } from "../../../../src/sources/sqlserver/inventory/objects.js";
import { partitioningPart } from "../../../../src/sources/sqlserver/inventory/partitioning.js";
import { queryStorePart } from "../../../../src/sources/sqlserver/inventory/query-store.js";
import { serverPart } from "../../../../src/sources/sqlserver/inventory/server.js";
import { tablesPart } from "../../../../src/sources/sqlserver/inventory/tables.js";
import { tdePart } from "../../../../src/sources/sqlserver/inventory/tde.js";
import { allQueries } from "../../../../src/sources/sqlserver/queries.js";
import { parse } from "../../../../src/tsql/parse.js";
import { RESPONDERS } from "../../../helpers/sqlserver-fixture/responders/index.js";

const SERVER = [
  serverPart,
  hostPart,
  configurationPart,
  databasesPart,
  databaseFilesPart,
  tdePart,
  availabilityGroupsPart,
  clusterNodesPart,
  logShippingPart,
];
const DATABASE = [objectsPart, tablesPart, columnTypesPart, indexesPart, constraintsPart, partitioningPart, queryStorePart];
const PARTS = [...SERVER, ...DATABASE];
const QUERIES = PARTS.flatMap((part) => part.queries);

test("schema parts are registered in their scope", () => {
  for (const part of SERVER) {
    assert.ok(SERVER_PARTS.includes(part), `${part.name} missing from SERVER_PARTS`);
    assert.equal(part.scope, "server", part.name);
  }
  for (const part of DATABASE) {
    assert.ok(DATABASE_PARTS.includes(part), `${part.name} missing from DATABASE_PARTS`);
    assert.equal(part.scope, "database", part.name);
  }
});

test("schema part names are unique", () => {
  const names = [...SERVER_PARTS, ...DATABASE_PARTS].map((part) => part.name);
  assert.deepEqual(names, [...new Set(names)]);
});

test("schema query ids are unique and tagged", () => {
  const ids = QUERIES.map((query) => query.id);
  assert.deepEqual(ids, [...new Set(ids)]);
  for (const query of QUERIES) {
    assert.equal(queryIdOf(query.text), query.id);
  }
});

test("schema queries are in allQueries", () => {
  const known = new Set(allQueries().map((query) => query.id));
  for (const query of QUERIES) {
    assert.ok(known.has(query.id), query.id);
  }
});

test("schema queries declare reads and permission", () => {
  for (const part of PARTS) {
    for (const query of part.queries) {
      assert.ok(query.reads.length > 0, `${query.id} reads nothing`);
      assert.notEqual(query.permission.trim(), "", `${query.id} has no permission`);
      assert.equal(query.scope, part.scope, query.id);
    }
  }
});

test("schema queries name every view they read", () => {
  for (const query of QUERIES) {
    const text = query.text.toLowerCase();
    const used = [...text.matchAll(/\b((?:sys|msdb\.dbo)\.[a-z_]+)/g)].map((match) => match[1]!);
    for (const view of used) {
      assert.ok(query.reads.includes(view), `${query.id} reads ${view} without declaring it`);
    }
  }
});

test("schema queries parse without errors", () => {
  for (const query of QUERIES) {
    const { diagnostics } = parse(query.text, { file: query.id });
    const errors = diagnostics.filter((d) => d.severity === "error");
    assert.deepEqual(
      errors.map((d) => `${d.line}:${d.column} ${d.message}`),
      [],
      query.id,
    );
  }
});

test("schema queries have responders", () => {
  for (const query of QUERIES) {
    assert.equal(typeof RESPONDERS[query.id], "function", query.id);
  }
});

test("versioned queries cover 2016 and up", () => {
  const stems = new Map<string, number[]>();
  for (const query of QUERIES.filter((q) => q.minVersion !== undefined)) {
    const stem = query.id.replace(/\.\d{4}$/, "");
    stems.set(stem, [...(stems.get(stem) ?? []), query.minVersion!]);
  }
  assert.ok(stems.size >= 8, `only ${stems.size} versioned queries`);
  for (const [stem, versions] of stems) {
    assert.equal(Math.min(...versions), 13, `${stem} has no SQL Server 2016 variant`);
  }
});
