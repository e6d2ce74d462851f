import { test } from "node:test";
import assert from "node:assert/strict";

import { SqlServerError } from "../../../../src/sources/sqlserver/errors.js";
import { availabilityGroupsPart } from "../../../../src/sources/sqlserver/inventory/availability-groups.js";
import { clusterNodesPart } from "../../../../src/sources/sqlserver/inventory/cluster-nodes.js";
import { columnTypesPart } from "../../../../src/sources/sqlserver/inventory/column-types.js";
import { configurationPart } from "../../../../src/sources/sqlserver/inventory/configuration.js";
import { constraintsPart } from "../../../../src/sources/sqlserver/inventory/constraints.js";
import { databaseFilesPart } from "../../../../src/sources/sqlserver/inventory/database-files.js";
import { databasesPart } from "../../../../src/sources/sqlserver/inventory/databases.js";
import { hostPart } from "../../../../src/sources/sqlserver/inventory/host.js";
import { indexesPart } from "../../../../src/sources/sqlserver/inventory/indexes.js";
import { logShippingPart } from "../../../../src/sources/sqlserver/inventory/log-shipping.js";
import { objectsPart } from "../../../../src/sources/sqlserver/inventory/objects.js";
import type { InventoryPart } from "../../../../src/sources/sqlserver/inventory/part.js";
import { partitioningPart } from "../../../../src/sources/sqlserver/inventory/partitioning.js";
import { queryStorePart } from "../../../../src/sources/sqlserver/inventory/query-store.js";
import { tablesPart } from "../../../../src/sources/sqlserver/inventory/tables.js";
import { tdePart } from "../../../../src/sources/sqlserver/inventory/tde.js";
import { kestrelWith, runPart } from "./harness.js";

// The server part reads SERVERPROPERTY and @@SERVERNAME only, which every
// login may read, so it has no view to deny.
const PARTS: readonly (readonly [InventoryPart, string | undefined])[] = [
  [hostPart, undefined],
  [configurationPart, undefined],
  [databasesPart, undefined],
  [databaseFilesPart, undefined],
  [tdePart, undefined],
  [availabilityGroupsPart, undefined],
  [clusterNodesPart, undefined],
  [logShippingPart, undefined],
  [objectsPart, "KestrelColdChain"],
  [tablesPart, "KestrelColdChain"],
  [columnTypesPart, "KestrelColdChain"],
  [indexesPart, "KestrelColdChain"],
  [constraintsPart, "KestrelColdChain"],
  [partitioningPart, "KestrelColdChain"],
  [queryStorePart, "KestrelColdChain"],
];

for (const [part, database] of PARTS) {
  test(`${part.name} part rejects a denied view`, async () => {
    const { queryIds } = await runPart(part, { database });
    const sent = part.queries.filter((query) => queryIds.includes(query.id));
    const views = [...new Set(sent.flatMap((query) => query.reads).filter((read) => read.includes(".")))];
    assert.ok(views.length > 0, `${part.name} reads no views`);

    for (const view of views) {
      const fixture = kestrelWith({ faults: { deniedViews: [view] } });
      await assert.rejects(runPart(part, { database, fixture }), (error: unknown) => {
        assert.ok(error instanceof SqlServerError, `${view}: ${String(error)}`);
        assert.equal(error.kind, "permission-denied", view);
        assert.equal(error.number, 229, view);
        assert.match(error.message, new RegExp(view.replaceAll(".", "\\.")), view);
        return true;
      });
    }
  });
}

test("database part denied in one database only", async () => {
  const fixture = kestrelWith({ faults: { deniedViewsByDatabase: { Archive: ["sys.sql_modules"] } } });

  await assert.rejects(runPart(objectsPart, { database: "Archive", fixture }), (error: unknown) => {
    assert.ok(error instanceof SqlServerError);
    assert.equal(error.kind, "permission-denied");
    assert.equal(error.database, "Archive");
    assert.equal(error.queryId, "inventory.objects-by-type");
    return true;
  });
  const { items } = await runPart(objectsPart, { database: "KestrelColdChain", fixture });
  assert.ok(items.length > 0);
});
