/**
 * Runs one inventory part against a fixture server through the in-memory
 * session. Also checks what every item of the security, Agent and server
 * feature parts must satisfy: plain JSON, with nothing that looks like a
 * password, a password hash or the account of a credential.
 */

import assert from "node:assert/strict";

import type { InventoryItem } from "../../../../src/sources/sqlserver/collected.js";
import { agentPart } from "../../../../src/sources/sqlserver/inventory/agent.js";
import { clrAssembliesPart } from "../../../../src/sources/sqlserver/inventory/clr-assemblies.js";
import { credentialsPart } from "../../../../src/sources/sqlserver/inventory/credentials.js";
import { databaseMailPart } from "../../../../src/sources/sqlserver/inventory/database-mail.js";
import { databasePermissionsPart } from "../../../../src/sources/sqlserver/inventory/database-permissions.js";
import { databaseScopedCredentialsPart } from "../../../../src/sources/sqlserver/inventory/database-scoped-credentials.js";
import { endpointsPart } from "../../../../src/sources/sqlserver/inventory/endpoints.js";
import { extendedEventsPart } from "../../../../src/sources/sqlserver/inventory/extended-events.js";
import { fullTextPart } from "../../../../src/sources/sqlserver/inventory/full-text.js";
import { linkedServersPart } from "../../../../src/sources/sqlserver/inventory/linked-servers.js";
import { loginsPart } from "../../../../src/sources/sqlserver/inventory/logins.js";
import type { InventoryPart, PartResult } from "../../../../src/sources/sqlserver/inventory/part.js";
import { serverPermissionsPart } from "../../../../src/sources/sqlserver/inventory/server-permissions.js";
import { serverTriggersPart } from "../../../../src/sources/sqlserver/inventory/server-triggers.js";
import { serviceBrokerPart } from "../../../../src/sources/sqlserver/inventory/service-broker.js";
import { usersPart } from "../../../../src/sources/sqlserver/inventory/users.js";
import type { FixtureServer } from "../../../helpers/sqlserver-fixture/fixture.js";
import { kestrelServer } from "../../../helpers/sqlserver-fixture/kestrel/index.js";
import { memorySession } from "../../../helpers/sqlserver-fixture/memory-session.js";

/** The security, Agent and server-feature parts. */
export const FEATURE_PARTS: readonly InventoryPart[] = [
  loginsPart,
  serverPermissionsPart,
  agentPart,
  linkedServersPart,
  databaseMailPart,
  serverTriggersPart,
  endpointsPart,
  credentialsPart,
  extendedEventsPart,
  usersPart,
  databasePermissionsPart,
  clrAssembliesPart,
  serviceBrokerPart,
  fullTextPart,
  databaseScopedCredentialsPart,
];

export interface RunOptions {
  /** Defaults to the Kestrel server. */
  readonly fixture?: FixtureServer;
  /** Database of a database-scope part; KestrelColdChain by default. */
  readonly database?: string;
  /** Defaults to 16, SQL Server 2022. */
  readonly majorVersion?: number;
}

/** Collects the part in master (server scope) or in the database. */
export async function runPart(part: InventoryPart, options: RunOptions = {}): Promise<PartResult> {
  const session = memorySession(options.fixture ?? kestrelServer(), "KESTREL-SQL01");
  const database = part.scope === "server" ? "master" : (options.database ?? "KestrelColdChain");
  const reader = await session.reader(database);
  return part.collect(reader, {
    majorVersion: options.majorVersion ?? 16,
    edition: "Enterprise Edition: Core-based Licensing (64-bit)",
  });
}

/** Returns the items whose `field` equals `value`, usually one by name. */
export function itemsWhere(items: readonly InventoryItem[], field: string, value: unknown): InventoryItem[] {
  return items.filter((item) => item[field] === value);
}

/** Returns the one item named `name` (of `type`, when given); fails otherwise. */
export function itemNamed(items: readonly InventoryItem[], name: string, type?: string): InventoryItem {
  const found = items.filter((item) => item["name"] === name && (type === undefined || item["type"] === type));
  assert.equal(found.length, 1, `expected one item named '${name}', found ${found.length}`);
  return found[0]!;
}

/**
 * Returns a copy of the fixture with the rows of one view replaced, at
 * server scope or in one database.
 */
export function withView(
  fixture: FixtureServer,
  view: string,
  rows: readonly Readonly<Record<string, unknown>>[],
  database?: string,
): FixtureServer {
  if (database === undefined) {
    return { ...fixture, views: { ...fixture.views, [view]: rows as never } };
  }
  return {
    ...fixture,
    databases: fixture.databases.map((d) =>
      d.name === database ? { ...d, views: { ...d.views, [view]: rows as never } } : d,
    ),
  };
}

const HEX_HASH = /^(0x)?[0-9a-f]{32,}$/i;

/**
 * Fails when an item contains a value that is not plain JSON (a Buffer, a
 * Date, a bigint) or a text that looks like a secret: the word password,
 * a long hexadecimal string such as a hash, or one of `forbidden`.
 */
export function assertNoSecrets(items: readonly InventoryItem[], forbidden: readonly string[] = []): void {
  const visit = (value: unknown, path: string): void => {
    if (value === null || typeof value === "boolean" || typeof value === "number") {
      return;
    }
    if (typeof value === "string") {
      assert.doesNotMatch(value, /password|secret/i, `${path} looks like a secret: ${value}`);
      assert.doesNotMatch(value, HEX_HASH, `${path} looks like a hash: ${value}`);
      for (const text of forbidden) {
        assert.ok(!value.includes(text), `${path} contains '${text}'`);
      }
      return;
    }
    if (Array.isArray(value)) {
      value.forEach((element, index) => visit(element, `${path}[${index}]`));
      return;
    }
    assert.ok(
      typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype,
      `${path} is not plain JSON: ${Object.prototype.toString.call(value)}`,
    );
    for (const [key, field] of Object.entries(value as object)) {
      visit(field, `${path}.${key}`);
    }
  };

  items.forEach((item, index) => visit(item, `items[${index}]`));
}
