/** Collects a fixture server through the in-memory session into a LiveSource, as the pipeline keeps it. */

import type { LiveSource } from "../../../src/assessment/model.js";
import { collectServer } from "../../../src/sources/sqlserver/collect.js";
import type { CollectedItem, CollectionProblem, InventoryItem, ServerHeader } from "../../../src/sources/sqlserver/collected.js";
import type { FixtureServer } from "../../helpers/sqlserver-fixture/fixture.js";
import { kestrelServer } from "../../helpers/sqlserver-fixture/kestrel/index.js";
import { memorySession } from "../../helpers/sqlserver-fixture/memory-session.js";

/** Returns every item the collector yields for the fixture, Kestrel by default. */
export async function collectFixture(fixture: FixtureServer = kestrelServer()): Promise<CollectedItem[]> {
  const items: CollectedItem[] = [];
  for await (const item of collectServer(memorySession(fixture, "KESTREL-SQL01"))) {
    items.push(item);
  }
  return items;
}

/** Returns the LiveSource of the fixture's collection. */
export async function collectLive(fixture?: FixtureServer): Promise<LiveSource> {
  const inventory: Record<string, InventoryItem[]> = {};
  const problems: CollectionProblem[] = [];
  let server: ServerHeader | undefined;

  for (const item of await collectFixture(fixture)) {
    if (item.kind === "server") {
      server = item.server;
    } else if (item.kind === "inventory") {
      (inventory[item.part] ??= []).push(...item.items);
    } else if (item.kind === "problem") {
      problems.push(item.problem);
    }
  }
  if (server === undefined) {
    throw new Error("the fixture collection yielded no server header");
  }
  return { server, inventory, problems };
}
