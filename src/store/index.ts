/** The store: where assessments are kept, embedded, on a server, or nowhere. */
export { openStore, embeddedLockPath, embeddedStoreDirectory } from "./open-store.js";
export type { OpenStoreOptions, OpenStoreResult } from "./open-store.js";
export { parseStoreSpec, maskUrl } from "./spec.js";
export type { StoreSpec, ParseStoreSpecResult } from "./spec.js";
export { StoreError } from "./errors.js";
export type { StoreErrorCode } from "./errors.js";
export type {
  AssessmentDetails,
  AssessmentHeader,
  AssessmentListing,
  AssessmentStatus,
  AssessmentWriter,
  DeleteResult,
  Store,
  UnitTexts,
} from "./store.js";
export type { AppliedMigration, MigrationResult } from "./migrator.js";
export { NullStore } from "./null-store.js";
