import { initialMigration } from "./0001_initial.js";
import type { Migration } from "./migration.js";

export type { Migration } from "./migration.js";

/** Every migration, in version order. */
export const MIGRATIONS: readonly Migration[] = [initialMigration];
