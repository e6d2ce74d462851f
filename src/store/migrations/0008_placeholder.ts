import type { Migration } from "./migration.js";

/**
 * Stands in for migration 8 on a branch that does not have it yet, because
 * the migrator requires consecutive versions. It changes nothing.
 *
 * TODO: drop this file and its line in index.ts once the real migration 8
 * (unit source texts) is merged.
 */
export const placeholderMigration: Migration = {
  version: 8,
  name: "placeholder",
  sql: "select 1",
};
