import type { Migration } from "./migration.js";

/**
 * Stores the objects of new assessments in chunks (object-chunks.ts gives
 * the plaintext of a chunk), as findings are stored, instead of one sealed
 * row each. Assessments already stored keep their `objects` rows, which
 * readers still take, because moving them would need every data key while
 * the store opens.
 *
 * From this version on, the sealed plaintext of a finding chunk is
 * compressed too (chunk-packing.ts); chunks stored before stay readable.
 */
export const objectChunksMigration: Migration = {
  version: 7,
  name: "object chunks",
  sql: `
create table object_chunks (
  assessment_key bigint not null,
  first_ordinal integer not null,
  row_count integer not null check (row_count > 0),
  sealed bytea not null,
  primary key (assessment_key, first_ordinal)
);

-- Ciphertext does not compress, so PostgreSQL should not try.
alter table object_chunks alter column sealed set storage external;
`,
};
