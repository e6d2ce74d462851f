/** The collector's own queries: server header, permission check, module code. */

import type { CatalogQuery } from "./catalog-query.js";

export const COLLECTOR_QUERIES: readonly CatalogQuery[] = [];
