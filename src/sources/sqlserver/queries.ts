/** Every catalog query infio can send, for the permission docs and the test kit. */

import type { CatalogQuery } from "./catalog-query.js";
import { COLLECTOR_QUERIES } from "./collector-queries.js";
import { DATABASE_PARTS, SERVER_PARTS } from "./inventory/index.js";

/** Returns every query once; two different queries with one id are a bug. */
export function allQueries(): CatalogQuery[] {
  const byId = new Map<string, CatalogQuery>();
  const parts = [...SERVER_PARTS, ...DATABASE_PARTS];
  const queries = [...COLLECTOR_QUERIES, ...parts.flatMap((part) => part.queries)];

  for (const query of queries) {
    const known = byId.get(query.id);
    if (known !== undefined && known.text !== query.text) {
      throw new Error(`two catalog queries share the id '${query.id}'; give each its own id`);
    }
    byId.set(query.id, query);
  }
  return [...byId.values()];
}
