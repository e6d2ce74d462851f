/** Helpers shared by the parser's unit tests. */

import assert from "node:assert/strict";

import type { SchemaObjectName } from "../../../src/tsql/ast/node.js";
import type { Statement } from "../../../src/tsql/ast/statements.js";
import { parse } from "../../../src/tsql/parse.js";

/** Parses text that must contain exactly one statement and no diagnostic. */
export function only<T extends Statement>(text: string): T {
  const result = parse(text);
  const messages = result.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`);
  assert.deepEqual(messages, [], `diagnostics for ${text}`);
  const list = result.batches.flatMap((batch) => [...batch.statements]);
  assert.equal(list.length, 1, `statement count for ${text}`);
  return list[0] as T;
}

/** Writes a name as its parts joined by dots, empty parts kept. */
export function nameText(name: SchemaObjectName): string {
  const parts = [name.server, name.database, name.schema].filter((part) => part !== undefined);
  return [...parts.map((part) => part?.value ?? ""), name.name.value].join(".");
}
