import { initialMigration } from "./0001_initial.js";
import { findingChunksMigration } from "./0002_finding_chunks.js";
import { assessmentDetailsMigration } from "./0003_assessment_details.js";
import { sealedRowsMigration } from "./0004_sealed_rows.js";
import { consoleUsersSessionsMigration } from "./0005_console_users_sessions.js";
import { savedConnectionsMigration } from "./0006_saved_connections.js";
import { objectChunksMigration } from "./0007_object_chunks.js";
import { unitTextsMigration } from "./0008_unit_texts.js";
import { applicationsMigration } from "./0009_applications.js";
import type { Migration } from "./migration.js";

export type { Migration, MigrationContext } from "./migration.js";

/** Every migration, in version order. */
export const MIGRATIONS: readonly Migration[] = [
  initialMigration,
  findingChunksMigration,
  assessmentDetailsMigration,
  sealedRowsMigration,
  consoleUsersSessionsMigration,
  savedConnectionsMigration,
  objectChunksMigration,
  unitTextsMigration,
  applicationsMigration,
];
