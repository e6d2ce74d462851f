import type { Migration } from "./migration.js";

/**
 * Stores findings in chunks instead of one row each (finding-chunks.ts
 * describes the `data` text). Existing findings become one chunk each, and
 * a `findings` view with the columns of the old table expands the chunks,
 * so SQL written against the old table still reads the same rows.
 *
 * `data` is text, not jsonb: parsing half a million findings into jsonb on
 * every run would cost more than the view's occasional cast.
 */
export const findingChunksMigration: Migration = {
  version: 2,
  name: "finding chunks",
  sql: `
create table finding_chunks (
  assessment_key bigint not null,
  first_ordinal integer not null,
  row_count integer not null check (row_count > 0),
  data text not null,
  primary key (assessment_key, first_ordinal)
);

alter table finding_chunks alter column data set storage external;

insert into finding_chunks (assessment_key, first_ordinal, row_count, data)
select assessment_key, ordinal, 1,
  json_build_array(
    json_build_array(feature_id, status, file, object, message,
      coalesce(detail, ''), coalesce(complexity, '')),
    json_build_array(0, 1, 2, line_number, column_number, 3, 4,
      case when detail is null then -1 else 5 end,
      case when complexity is null then -1 else 6 end)
  )::text
from findings;

drop table findings;

create view findings as
select c.assessment_key,
  c.first_ordinal + n.i as ordinal,
  d.s ->> (d.v ->> (n.i * 9))::integer as feature_id,
  d.s ->> (d.v ->> (n.i * 9 + 1))::integer as status,
  d.s ->> (d.v ->> (n.i * 9 + 2))::integer as file,
  (d.v ->> (n.i * 9 + 3))::integer as line_number,
  (d.v ->> (n.i * 9 + 4))::integer as column_number,
  d.s ->> (d.v ->> (n.i * 9 + 5))::integer as object,
  d.s ->> (d.v ->> (n.i * 9 + 6))::integer as message,
  d.s ->> nullif((d.v ->> (n.i * 9 + 7))::integer, -1) as detail,
  d.s ->> nullif((d.v ->> (n.i * 9 + 8))::integer, -1) as complexity
from finding_chunks c
cross join lateral (
  select j -> 0 as s, j -> 1 as v from (select c.data::jsonb as j) parsed
) d
cross join lateral generate_series(0, c.row_count - 1) as n(i);
`,
};
