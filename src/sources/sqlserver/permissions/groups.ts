/** Every query group: the collector's own, then the inventory parts in collection order. */

import { COLLECTOR_GROUPS, type QueryGroup } from "../collector-queries.js";
import { DATABASE_PARTS, SERVER_PARTS } from "../inventory/index.js";

export function allQueryGroups(): QueryGroup[] {
  return [...COLLECTOR_GROUPS, ...SERVER_PARTS, ...DATABASE_PARTS];
}
