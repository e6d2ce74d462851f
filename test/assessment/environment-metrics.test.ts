/** The environment metrics computed from live inventories. */

import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { inventoryMetrics, type ReadServer } from "../../src/assessment/environment-metrics.js";
import type { LiveSource } from "../../src/assessment/model.js";
import type { CollectionProblem, InventoryItem } from "../../src/sources/sqlserver/collected.js";

function live(inventory: Record<string, InventoryItem[]>, problems: CollectionProblem[] = []): LiveSource {
  return {
    server: {
      address: "sql01",
      name: "SQL01",
      version: "16.0.4135.4",
      edition: "Enterprise Edition (64-bit)",
      collectedAt: "2030-01-01T00:00:00.000Z",
      tlsVerificationDisabled: false,
    },
    inventory,
    problems,
  };
}

function server(id: string, source: LiveSource, overrides: Partial<ReadServer> = {}): ReadServer {
  return {
    assessmentId: id,
    environment: "production",
    live: source,
    databases: [],
    excludedDatabases: [],
    includeSystemDatabases: false,
    ...overrides,
  };
}

const DATABASES: InventoryItem[] = [
  { name: "master", isSystem: true },
  { name: "tempdb", isSystem: true },
  { name: "Sales", isSystem: false },
  { name: "Scratch", isSystem: false },
];

const FILES: InventoryItem[] = [
  { database: "master", sizeMb: 6 },
  { database: "tempdb", sizeMb: 1024 },
  { database: "Sales", sizeMb: 100 },
  { database: "Sales", sizeMb: 20 },
  { database: "Scratch", sizeMb: 7 },
];

function group(replicas: [string, string | null][]): InventoryItem {
  return { name: "ag1", replicas: replicas.map(([name, role]) => ({ server: name, role })) };
}

function valuesOf(servers: ReadServer[]): Record<string, number> {
  return Object.fromEntries(inventoryMetrics(servers).map((m) => [m.name, m.value]));
}

describe("inventory metrics", () => {
  it("gives nothing without a live server", () => {
    assert.deepEqual(inventoryMetrics([]), []);
  });

  it("sums hosts and counts instances by environment", () => {
    const a = live({ host: [{ cpuCount: 8, physicalMemoryMb: 65_536 }] });
    const b = live({ host: [{ cpuCount: 4, physicalMemoryMb: 16_384 }] });

    const metrics = inventoryMetrics([server("a", a), server("b", b, { environment: "non-production" })]);

    assert.deepEqual(
      metrics.map((m) => [m.name, m.value, [...m.assessments]]),
      [
        ["production-instances", 1, ["a", "b"]],
        ["non-production-instances", 1, ["a", "b"]],
        ["cpu-cores", 12, ["a", "b"]],
        ["memory-mb", 81_920, ["a", "b"]],
        ["primary-replicas", 0, ["a", "b"]],
        ["secondary-replicas", 0, ["a", "b"]],
      ],
    );
  });

  it("leaves out a host part that was not read", () => {
    const denied: CollectionProblem = {
      part: "host",
      reason: "permission-denied",
      message: "VIEW SERVER STATE is missing",
    };
    const a = live({}, [denied]);
    const b = live({ host: [{ cpuCount: 4, physicalMemoryMb: 16_384 }] });

    const cores = inventoryMetrics([server("a", a), server("b", b)]).find((m) => m.name === "cpu-cores");

    assert.equal(cores?.value, 4);
    assert.deepEqual(cores?.assessments, ["b"]);
    assert.equal(valuesOf([server("a", a)])["cpu-cores"], undefined);
  });

  it("counts the storage of the selected databases only", () => {
    const source = live({ databases: DATABASES, "database-files": FILES });

    assert.equal(valuesOf([server("a", source)])["storage-mb"], 127);
    assert.equal(valuesOf([server("a", source, { excludedDatabases: ["scratch"] })])["storage-mb"], 120);
    assert.equal(valuesOf([server("a", source, { databases: ["SCRATCH"] })])["storage-mb"], 7);
    assert.equal(valuesOf([server("a", source, { includeSystemDatabases: true })])["storage-mb"], 133);
    assert.equal(valuesOf([server("a", live({ databases: DATABASES }))])["storage-mb"], undefined);
  });

  it("counts distinct replicas by role across servers", () => {
    const primary = live({ "availability-groups": [group([["SQL01", "PRIMARY"], ["SQL02", "SECONDARY"], ["SQL03", null]])] });
    const secondary = live({ "availability-groups": [group([["sql01", "PRIMARY"], ["SQL02", "SECONDARY"]])] });
    const denied = live({}, [{ part: "inventory.availability-groups", reason: "permission-denied", message: "denied" }]);

    const values = valuesOf([server("a", primary), server("b", secondary)]);

    assert.equal(values["primary-replicas"], 1);
    assert.equal(values["secondary-replicas"], 1);
    assert.equal(valuesOf([server("c", denied)])["primary-replicas"], undefined);
  });
});
