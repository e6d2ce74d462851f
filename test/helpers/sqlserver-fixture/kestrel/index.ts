/**
 * The Kestrel fixture server: a SQL Server 2022 instance with the
 * KestrelColdChain database (the schema of examples/kestrel-cold-chain),
 * a small Archive database and the system databases. Each file of this
 * folder contributes the views of one inventory area.
 */

import type { FixtureServer } from "../fixture.js";
import { mergeAreas, type FixtureArea } from "./area.js";

/** Areas in a fixed order; each helper file adds its own. */
const AREAS: readonly FixtureArea[] = [];

export const KESTREL_DATABASES = ["master", "tempdb", "model", "msdb", "KestrelColdChain", "Archive"];

export function kestrelServer(): FixtureServer {
  const merged = mergeAreas(AREAS);
  return {
    name: "KESTREL-SQL01",
    views: merged.server,
    databases: KESTREL_DATABASES.map((name) => ({ name, views: merged.databases[name] ?? {} })),
  };
}
