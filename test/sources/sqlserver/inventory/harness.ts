/**
 * Runs one inventory part against a fixture server through the in-memory
 * session, recording which queries it sent.
 */

import type { InventoryItem } from "../../../../src/sources/sqlserver/collected.js";
import type { InventoryPart } from "../../../../src/sources/sqlserver/inventory/part.js";
import type { SqlReader } from "../../../../src/sources/sqlserver/reader.js";
import type { FixtureServer } from "../../../helpers/sqlserver-fixture/fixture.js";
import { kestrelServer } from "../../../helpers/sqlserver-fixture/kestrel/index.js";
import { memorySession } from "../../../helpers/sqlserver-fixture/memory-session.js";

export interface PartRun {
  readonly items: readonly InventoryItem[];
  /** Query ids in the order the part sent them. */
  readonly queryIds: readonly string[];
  /** The same, with the reader method used: `rows` streams, `all` reads whole. */
  readonly calls: readonly string[];
}

export interface RunOptions {
  /** Database to read; master when omitted. */
  readonly database?: string;
  /** 16 (SQL Server 2022) when omitted. */
  readonly majorVersion?: number;
  readonly fixture?: FixtureServer;
}

export async function runPart(part: InventoryPart, options: RunOptions = {}): Promise<PartRun> {
  const session = memorySession(options.fixture ?? kestrelServer(), "KESTREL-SQL01");
  const calls: string[] = [];
  const reader = recording(await session.reader(options.database), calls);
  const result = await part.collect(reader, {
    majorVersion: options.majorVersion ?? 16,
    edition: "Enterprise Edition: Core-based Licensing (64-bit)",
  });
  return { items: result.items, queryIds: calls.map((call) => call.split(" ")[1]!), calls };
}

function recording(reader: SqlReader, calls: string[]): SqlReader {
  return {
    server: reader.server,
    database: reader.database,
    rows(query, parameters, options) {
      calls.push(`rows ${query.id}`);
      return reader.rows(query, parameters, options);
    },
    all(query, parameters, options) {
      calls.push(`all ${query.id}`);
      return reader.all(query, parameters, options);
    },
  };
}

/** Returns the one item whose fields match, and throws when there is none or more. */
export function itemWhere(items: readonly InventoryItem[], fields: Readonly<Record<string, unknown>>): InventoryItem {
  const matches = items.filter((item) => Object.entries(fields).every(([key, value]) => item[key] === value));
  if (matches.length !== 1) {
    throw new Error(`expected one item with ${JSON.stringify(fields)}, found ${matches.length}`);
  }
  return matches[0]!;
}

/** Returns the Kestrel server with some views replaced or added, at server scope or in one database. */
export function kestrelWith(changes: {
  readonly server?: Readonly<Record<string, readonly Readonly<Record<string, unknown>>[]>>;
  readonly database?: { readonly name: string; readonly views: Readonly<Record<string, readonly Readonly<Record<string, unknown>>[]>> };
  readonly faults?: FixtureServer["faults"];
}): FixtureServer {
  const base = kestrelServer();
  return {
    ...base,
    views: { ...base.views, ...(changes.server as FixtureServer["views"]) },
    databases: base.databases.map((database) =>
      database.name === changes.database?.name
        ? { ...database, views: { ...database.views, ...(changes.database.views as FixtureServer["views"]) } }
        : database,
    ),
    ...(changes.faults === undefined ? {} : { faults: changes.faults }),
  };
}
