import { initialMigration } from "./0001_initial.js";
import { findingChunksMigration } from "./0002_finding_chunks.js";
import { assessmentDetailsMigration } from "./0003_assessment_details.js";
import { sealedRowsMigration } from "./0004_sealed_rows.js";
import type { Migration } from "./migration.js";

export type { Migration, MigrationContext } from "./migration.js";

/** Every migration, in version order. */
export const MIGRATIONS: readonly Migration[] = [
  initialMigration,
  findingChunksMigration,
  assessmentDetailsMigration,
  sealedRowsMigration,
];
