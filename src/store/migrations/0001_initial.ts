import type { Migration } from "./migration.js";

/**
 * The first schema: assessments and the rows that make them up.
 *
 * Child rows carry the assessment's internal `assessment_key` (a bigint,
 * smaller to index than the public text id) and an `ordinal` that keeps the
 * order in which the assessment produced them. Text columns hold values
 * escaped by `text-escape.ts`, because PostgreSQL text cannot contain U+0000.
 *
 * Child tables have no foreign key to `assessments`: the per-row check
 * halved bulk insert speed in PGlite (measured with bench/store.ts), so the
 * store deletes child rows itself, in the same transaction as their parent.
 */
export const initialMigration: Migration = {
  version: 1,
  name: "initial",
  sql: `
create table assessments (
  assessment_key bigint generated always as identity primary key,
  id text not null unique,
  status text not null
    check (status in ('running', 'complete', 'failed')),
  started_at timestamptz not null,
  finished_at timestamptz,
  infio_version text not null,
  target text not null,
  summary jsonb,
  error text,
  constraint assessments_complete_has_summary
    check (status <> 'complete' or summary is not null)
);

create index assessments_started_at on assessments (started_at);

create table sources (
  assessment_key bigint not null,
  ordinal integer not null,
  location text not null,
  primary key (assessment_key, ordinal)
);

create table units (
  assessment_key bigint not null,
  ordinal integer not null,
  file text not null,
  encoding text not null,
  lines integer not null,
  bytes bigint not null,
  batches integer not null,
  batches_with_errors integer not null,
  statements integer not null,
  primary key (assessment_key, ordinal)
);

create table objects (
  assessment_key bigint not null,
  ordinal integer not null,
  name text not null,
  type text not null,
  file text not null,
  line_number integer not null,
  lines integer not null,
  primary key (assessment_key, ordinal)
);

create table findings (
  assessment_key bigint not null,
  ordinal integer not null,
  feature_id text not null,
  status text not null
    check (status in ('supported', 'notSupported', 'reviewSemantics',
      'reviewPerformance', 'reviewManually', 'ignored', 'unknown')),
  file text not null,
  line_number integer not null,
  column_number integer not null,
  object text not null,
  message text not null,
  detail text,
  complexity text check (complexity in ('low', 'medium', 'high')),
  primary key (assessment_key, ordinal)
);

create table parse_errors (
  assessment_key bigint not null,
  ordinal integer not null,
  file text not null,
  line_number integer not null,
  column_number integer not null,
  message text not null,
  code text,
  primary key (assessment_key, ordinal)
);

create table skipped_inputs (
  assessment_key bigint not null,
  ordinal integer not null,
  file text not null,
  reason text not null,
  message text not null,
  primary key (assessment_key, ordinal)
);

create table inventory (
  assessment_key bigint not null,
  kind text not null,
  ordinal integer not null,
  item jsonb not null,
  primary key (assessment_key, kind, ordinal)
);
`,
};
