import { sealLegacyRows } from "./seal-legacy-rows.js";
import type { Migration } from "./migration.js";

/** Child tables whose rows become one sealed value each. */
const ROW_TABLES = ["units", "objects", "parse_errors", "skipped_inputs"];

/**
 * Encrypts what the store keeps. Every child row becomes one `sealed`
 * bytea value (AES-256-GCM under the assessment's data key, see
 * sealing.ts), keeping only the key columns plain: `assessment_key`,
 * `ordinal`, and `kind` for inventory; `first_ordinal` and `row_count` for
 * finding chunks. The `assessments` row gets sealed `sources` (replacing
 * the `sources` table), `error` and `details` (replacing `overrides`,
 * `effort` and `comparison`). The `findings` view goes, because it can
 * only read plain chunks.
 *
 * The old tables and columns are renamed to `legacy_*` first, so that the
 * `run` step can seal the rows of an existing store into the new ones
 * before it drops them, all in the migration's one transaction.
 */
export const sealedRowsMigration: Migration = {
  version: 4,
  name: "sealed rows",
  sql: `
drop view findings;

alter table assessments rename column error to legacy_error;
alter table assessments rename column overrides to legacy_overrides;
alter table assessments rename column effort to legacy_effort;
alter table assessments rename column comparison to legacy_comparison;
alter table assessments add column sources bytea;
alter table assessments add column error bytea;
alter table assessments add column details bytea;
alter table assessments alter column details set storage external;

alter table sources rename to legacy_sources;
alter index sources_pkey rename to legacy_sources_pkey;
${ROW_TABLES.map(
  (table) => `
alter table ${table} rename to legacy_${table};
alter index ${table}_pkey rename to legacy_${table}_pkey;
create table ${table} (
  assessment_key bigint not null,
  ordinal integer not null,
  sealed bytea not null,
  primary key (assessment_key, ordinal)
);`,
).join("\n")}

alter table inventory rename to legacy_inventory;
alter index inventory_pkey rename to legacy_inventory_pkey;
create table inventory (
  assessment_key bigint not null,
  kind text not null,
  ordinal integer not null,
  sealed bytea not null,
  primary key (assessment_key, kind, ordinal)
);

alter table finding_chunks rename to legacy_finding_chunks;
alter index finding_chunks_pkey rename to legacy_finding_chunks_pkey;
create table finding_chunks (
  assessment_key bigint not null,
  first_ordinal integer not null,
  row_count integer not null check (row_count > 0),
  sealed bytea not null,
  primary key (assessment_key, first_ordinal)
);

-- Ciphertext does not compress, so PostgreSQL should not try.
alter table finding_chunks alter column sealed set storage external;
alter table inventory alter column sealed set storage external;
`,
  run: sealLegacyRows,
};
