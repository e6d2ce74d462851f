import assert from "node:assert/strict";
import { describe, it } from "node:test";

import type { InventoryItem } from "../../../src/sources/sqlserver/collected.js";
import { InventoryRedactor } from "../../../src/report/redact/inventory.js";
import { REDACTED_TEXT } from "../../../src/report/redact/inventory-rules.js";
import { twoPass } from "./harness.js";

type Inventory = Record<string, InventoryItem[]>;

function redact(inventory: Inventory): { inventory: Inventory; unlisted: string[] } {
  return twoPass([], (context) => {
    const redactor = new InventoryRedactor(context);
    const out = redactor.redact(inventory);
    return { inventory: out, unlisted: [...redactor.unlisted].sort() };
  });
}

describe("InventoryRedactor", () => {
  it("redacts table items field by field", () => {
    const { inventory, unlisted } = redact({
      tables: [
        {
          database: "ColdChain",
          schema: "ops",
          name: "Shipment",
          rows: 4200,
          isMemoryOptimized: true,
          temporalType: "SYSTEM_VERSIONED_TEMPORAL_TABLE",
          historyTable: "ops.ShipmentHistory",
          dataSpace: "PRIMARY",
          columnTypes: { int: 3, nvarchar: 2, RouteShape: 1 },
          notableColumns: [
            { name: "Country", type: "ref.CountryCode", isNullable: false, features: ["alias-type"], collation: null, default: "('NZ')" },
            { name: "CreatedAt", type: "datetime2(3)", isNullable: false, features: [], collation: null, default: "(sysutcdatetime())" },
          ],
        },
      ],
    });

    assert.deepEqual(unlisted, []);
    assert.deepEqual(inventory["tables"], [
      {
        database: "database1",
        schema: "schema1",
        name: "table1",
        rows: 4200,
        isMemoryOptimized: true,
        temporalType: "SYSTEM_VERSIONED_TEMPORAL_TABLE",
        historyTable: "schema1.table2",
        dataSpace: "PRIMARY",
        columnTypes: { int: 3, nvarchar: 2, type2: 1 },
        notableColumns: [
          { name: "column1", type: "schema2.type1", isNullable: false, features: ["alias-type"], collation: null, default: "('str')" },
          { name: "column2", type: "datetime2(3)", isNullable: false, features: [], collation: null, default: "(sysutcdatetime())" },
        ],
      },
    ]);
  });

  it("redacts Agent jobs and steps by their type", () => {
    const { inventory } = redact({
      agent: [
        {
          type: "job",
          name: "Nightly ETL",
          owner: "CORP\\svc-agent",
          category: "Database Maintenance",
          schedules: ["Nightly at one: every day at 01:00:00 (disabled)"],
          description: "Loads the Acme warehouse",
          enabled: true,
        },
        {
          type: "job-step",
          name: "Load orders",
          job: "Nightly ETL",
          runsInDatabase: "Warehouse",
          subsystem: "TSQL",
          command: "EXEC etl.usp_LoadOrders @Days = 3; -- ask Alice",
          commandLength: 47,
        },
      ],
    });

    assert.deepEqual(inventory["agent"], [
      {
        type: "job",
        name: "job1",
        owner: "login1",
        category: "Database Maintenance",
        schedules: ["schedule1: every day at 01:00:00 (disabled)"],
        description: REDACTED_TEXT,
        enabled: true,
      },
      {
        type: "job-step",
        name: "step1",
        job: "job1",
        runsInDatabase: "database1",
        subsystem: "TSQL",
        command: "EXEC name1.name2 @var1 = 0; --",
        commandLength: 47,
      },
    ]);
  });

  it("names principals by their type and keeps keyword values", () => {
    const { inventory } = redact({
      users: [
        { database: "Sales", type: "role", name: "billing", roles: ["db_datareader"], members: ["alice"] },
        { database: "Sales", type: "user", name: "alice", login: "CORP\\alice", defaultSchema: "dbo" },
      ],
      "full-text": [{ database: "Sales", type: "index", name: "ops.Incident", catalog: "ft", stoplist: "OFF" }],
      "linked-servers": [{ name: "ERP", product: "SQL Server", dataSource: "erp01.corp.example,1433" }],
    });

    assert.deepEqual(inventory["users"], [
      { database: "database1", type: "role", name: "role1", roles: ["db_datareader"], members: ["user1"] },
      { database: "database1", type: "user", name: "user1", login: "login1", defaultSchema: "dbo" },
    ]);
    assert.deepEqual(inventory["full-text"], [
      { database: "database1", type: "index", name: "schema1.table1", catalog: "catalog1", stoplist: "OFF" },
    ]);
    assert.deepEqual(inventory["linked-servers"], [{ name: "server1", product: "SQL Server", dataSource: "server2" }]);
  });

  it("redacts fields and parts the policy does not list", () => {
    const { inventory, unlisted } = redact({
      "future-part": [
        {
          database: "Sales",
          owner: "alice",
          count: 3,
          enabled: false,
          state: "ONLINE",
          seen: "2025-03-04T05:06:07.000Z",
          nested: { "<b>Orders</b>": ["Orders", 1] },
        },
      ],
      databases: [{ name: "Sales", comment: "owned by Alice" }],
      agent: [{ type: "alert", name: "Severity 17" }],
    });

    assert.deepEqual(inventory["future-part"], [
      {
        database: "database1",
        owner: "value3",
        count: 3,
        enabled: false,
        state: "ONLINE",
        seen: "2025-03-04T05:06:07.000Z",
        nested: { value1: ["value4", 1] },
      },
    ]);
    assert.deepEqual(inventory["databases"], [{ name: "database1", comment: "value5" }]);
    // An item type the policy does not list is redacted whole, type too.
    assert.deepEqual(inventory["agent"], [{ type: "value2", name: "value6" }]);
    assert.deepEqual(unlisted, [
      "agent[type=alert].name",
      "agent[type=alert].type",
      "databases.comment",
      "future-part.count",
      "future-part.enabled",
      "future-part.nested",
      "future-part.owner",
      "future-part.seen",
      "future-part.state",
    ]);
  });
});
