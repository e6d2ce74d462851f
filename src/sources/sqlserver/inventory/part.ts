/**
 * One part of the inventory, such as databases, tables or Agent jobs: its
 * queries and how it turns their rows into inventory items.
 */

import type { CatalogQuery, QueryScope } from "../catalog-query.js";
import type { CollectedModule, InventoryItem } from "../collected.js";
import type { SqlReader } from "../reader.js";

export interface PartContext {
  /** Major version of the server, e.g. 16 for SQL Server 2022. */
  readonly majorVersion: number;
  /** Server edition, e.g. `Enterprise Edition (64-bit)`. */
  readonly edition: string;
}

export interface PartResult {
  readonly items: readonly InventoryItem[];
  /** Code found by the part, such as T-SQL job steps, to assess too. */
  readonly modules?: readonly CollectedModule[];
}

export interface InventoryPart {
  /** Name in reports and in the store's inventory kind, e.g. `tables`. */
  readonly name: string;
  /** What the part covers, for reports and docs/permissions.md. */
  readonly title: string;
  readonly scope: QueryScope;
  readonly queries: readonly CatalogQuery[];
  /**
   * Reads the part. A failure of one query rejects with its
   * `SqlServerError`; the collector records it as a problem of this part
   * and goes on with the next part.
   */
  collect(reader: SqlReader, context: PartContext): Promise<PartResult>;
}
