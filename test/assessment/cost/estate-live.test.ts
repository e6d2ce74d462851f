import { test } from "node:test";
import assert from "node:assert/strict";

import { estateFromInventory } from "../../../src/assessment/cost/estate.js";
import { buildCostSection } from "../../../src/assessment/cost/section.js";
import type { LiveSource } from "../../../src/assessment/model.js";
import type { InventoryItem } from "../../../src/sources/sqlserver/collected.js";
import { availabilityGroupsPart } from "../../../src/sources/sqlserver/inventory/availability-groups.js";
import { databaseFilesPart } from "../../../src/sources/sqlserver/inventory/database-files.js";
import { hostPart } from "../../../src/sources/sqlserver/inventory/host.js";
import { serverPart } from "../../../src/sources/sqlserver/inventory/server.js";
import type { InventoryPart } from "../../../src/sources/sqlserver/inventory/part.js";
import { kestrelServer } from "../../helpers/sqlserver-fixture/kestrel/index.js";
import { withView } from "../../sources/sqlserver/inventory/part-runner.js";
import { runPart } from "../../sources/sqlserver/inventory/harness.js";
import { roundBook, ROUND_BOOK_PATH, targetOf } from "./round-book.js";

/** Reads the parts the estate is sized from off the Kestrel fixture server. */
async function kestrelInventory(
  fixture = kestrelServer(),
): Promise<Record<string, readonly InventoryItem[]>> {
  const parts: InventoryPart[] = [serverPart, hostPart, databaseFilesPart, availabilityGroupsPart];
  const inventory: Record<string, readonly InventoryItem[]> = {};
  for (const part of parts) {
    inventory[part.name] = (await runPart(part, { fixture })).items;
  }
  return inventory;
}

test("Kestrel estate from the live inventory", async () => {
  const estate = estateFromInventory(await kestrelInventory());

  // SQL Server 2022 Enterprise on a VM of 8 logical processors and 64 GB;
  // KestrelColdChain's data files (11,776 MB) and Archive's (10,240 MB)
  // make 21.5 GiB; KestrelAG has a primary and a readable secondary.
  assert.deepEqual(estate, {
    edition: "enterprise",
    version: "16.0.4135.4",
    cores: 8,
    vCpus: 8,
    memoryGiB: 64,
    storageGiB: 22,
    replicas: 2,
    passiveReplicas: 0,
  });
});

test("physical host licensed by physical cores", async () => {
  const fixture = kestrelServer();
  const rows = fixture.views["sys.dm_os_sys_info"] as readonly Record<string, unknown>[];
  const physical = withView(fixture, "sys.dm_os_sys_info", [
    { ...rows[0], cpu_count: 16, virtual_machine_type_desc: "NONE" },
  ]);

  const estate = estateFromInventory(await kestrelInventory(physical));

  // 16 logical processors are hyperthreads of 2 sockets of 4 cores.
  assert.equal(estate.cores, 8);
  assert.equal(estate.vCpus, 16);
});

test("Developer edition read from the edition text", async () => {
  const fixture = kestrelServer();
  const rows = fixture.views["serverproperty"] as readonly Record<string, unknown>[];
  const developer = withView(fixture, "serverproperty", [{ ...rows[0], Edition: "Developer Edition (64-bit)" }]);

  assert.equal(estateFromInventory(await kestrelInventory(developer)).edition, "developer");
});

test("Kestrel cost section with the round book", async () => {
  const live: LiveSource = {
    server: { server: "KESTREL-SQL01" } as unknown as LiveSource["server"],
    inventory: await kestrelInventory(),
    problems: [],
  };

  const cost = buildCostSection(
    { priceBook: { book: roundBook(), origin: ROUND_BOOK_PATH }, estate: { ioMillionsPerMonth: 50 } },
    live,
    { low: 40, high: 100 },
  );

  assert.equal(cost.inputs.estateSources.cores, "inventory");
  assert.equal(cost.inputs.estateSources.ioMillionsPerMonth, "config");
  // 8 cores are 4 packs on each of 2 replicas: 8 x 2,000 + 8 x 1,500.
  assert.equal(cost.today.yearly, 28000);
  assert.deepEqual(cost.sizing && { vCpus: cost.sizing.vCpus, memoryGiB: cost.sizing.memoryGiB }, { vCpus: 8, memoryGiB: 64 });

  const aurora = targetOf(cost, "aurora-standard");
  assert.equal(aurora.instanceClass?.name, "a.large");
  // 2 x 8,760 h x 4 + 22 GiB x 12 x 0.10 + 50 x 12 x 0.20.
  assert.equal(aurora.yearly, 70080 + 26.4 + 120);
  const ec2 = targetOf(cost, "postgresql-ec2");
  // 2 x 8,760 h x 1.50 + 2 x 22 GiB x 12 x 0.05.
  assert.equal(ec2.yearly, 26280 + 26.4);
  assert.equal(ec2.yearlySaving, 1693.6);
  assert.deepEqual(cost.effortCost, { low: 4000, high: 10000 });
  assert.deepEqual(cost.missing, []);
});

test("config estate replaces the inventory's", async () => {
  const live: LiveSource = {
    server: { server: "KESTREL-SQL01" } as unknown as LiveSource["server"],
    inventory: await kestrelInventory(),
    problems: [],
  };

  const cost = buildCostSection(
    { priceBook: { book: roundBook(), origin: "test" }, estate: { edition: "standard", storageGiB: 500 } },
    live,
    { low: 1, high: 2 },
  );

  assert.equal(cost.inputs.estate.edition, "standard");
  assert.equal(cost.inputs.estateSources.edition, "config");
  assert.equal(cost.inputs.estate.storageGiB, 500);
  assert.equal(cost.inputs.estate.cores, 8);
  assert.equal(cost.inputs.estateSources.cores, "inventory");
});

test("unread host part named in missing figures", async () => {
  const { host: _, ...inventory } = await kestrelInventory();
  const live: LiveSource = {
    server: { server: "KESTREL-SQL01" } as unknown as LiveSource["server"],
    inventory,
    problems: [],
  };

  const cost = buildCostSection({ priceBook: { book: roundBook(), origin: "test" } }, live, { low: 1, high: 2 });

  const cores = cost.missing.find((m) => m.field === "cores");
  assert.ok(cores !== undefined);
  assert.match(cores.message, /set cost\.estate\.cores .*\(the 'host' part was not read from the server, and the report's 'Not read' list gives the reason\)$/);
  const memory = cost.missing.find((m) => m.field === "memoryGiB");
  assert.match(memory?.message ?? "", /'host' part was not read/);
  assert.equal(cost.inputs.estate.storageGiB, 22);
  assert.equal(cost.missing.some((m) => m.field === "storageGiB"), false);
});
