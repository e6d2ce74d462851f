import type { Migration } from "./migration.js";

/**
 * The source text of each code unit, and the console's sign-in counters.
 *
 * `unit_texts` has one row per unit whose text was kept, keyed by the
 * unit's ordinal in `units`; unit-texts.ts gives the sealed plaintext.
 * `assessments.source_kept` is true when the run kept the texts, false when
 * it was told not to, and null for assessments stored before this version,
 * whose texts only the scripts on disk still have.
 *
 * `console_sign_in_attempts` counts sign-in attempts per client address
 * and per user name in fixed windows (web/auth/sign-in-limiter.ts), so that
 * a restart of the console does not reset them. A row is keyed by the
 * SHA-256 of its key, because a name typed at the sign-in page is sometimes
 * a password. `seq` orders windows by start, for dropping the oldest.
 */
export const unitTextsMigration: Migration = {
  version: 8,
  name: "unit texts and sign-in attempts",
  sql: `
create table unit_texts (
  assessment_key bigint not null,
  ordinal integer not null,
  sealed bytea not null,
  primary key (assessment_key, ordinal)
);

-- Ciphertext does not compress, so PostgreSQL should not try.
alter table unit_texts alter column sealed set storage external;

alter table assessments add column source_kept boolean;

create table console_sign_in_attempts (
  key_hash bytea primary key check (length(key_hash) = 32),
  seq bigint generated always as identity,
  window_start_ms bigint not null,
  window_end_ms bigint not null,
  attempts integer not null check (attempts > 0)
);

create index console_sign_in_attempts_end on console_sign_in_attempts (window_end_ms);
create index console_sign_in_attempts_seq on console_sign_in_attempts (seq);
`,
};
