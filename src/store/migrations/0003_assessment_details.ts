import type { Migration } from "./migration.js";

/**
 * Keeps what the reports show beside the summary: the applied `--config`
 * overrides, the effort breakdown and the version comparison. Each is a
 * separate jsonb column instead of part of `summary`, because listings read
 * every summary and the effort breakdown grows with the number of objects.
 * Assessments stored before this migration have nulls here.
 */
export const assessmentDetailsMigration: Migration = {
  version: 3,
  name: "assessment details",
  sql: `
alter table assessments add column overrides jsonb;
alter table assessments add column effort jsonb;
alter table assessments add column comparison jsonb;
`,
};
