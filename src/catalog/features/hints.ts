/** Table, query and join hints. Babelfish ignores most hints by default. */
import { always, family, pg, row, since } from "../build.js";
import { AWS, ESCAPE_HATCHES } from "../sources.js";

const TABLE_HINTS = ["nolock", "readuncommitted", "readpast", "updlock", "rowlock", "paglock", "tablock", "tablockx", "holdlock", "serializable", "xlock", "nowait", "forceseek", "forcescan", "noexpand"];
const QUERY_HINTS = ["recompile", "optimize_for", "optimize_for_unknown", "keepfixed_plan", "fast", "force_order", "use_hint", "use_plan", "querytraceon", "maxrecursion"];

const AS_POSTGRES = "Remove the hint; PostgreSQL has no hint syntax (pg_hint_plan is an extension).";

export const HINT_FEATURES = family("Hints", [
  row("hint.table", "Table hint", "WITH (hint) after a table name; the hint name is the detail.", always("ignored"), pg("notSupported"), "low",
    "None; Babelfish ignores table hints by default. Check code that relies on the locking effect.", AS_POSTGRES, [AWS.hints, ESCAPE_HATCHES], {
      details: [
        ...TABLE_HINTS.map((hint) => ({ detail: hint, title: `Table hint ${hint.toUpperCase()}` })),
        { detail: "index", title: "Table hint INDEX(...)", babelfish: since("2.3.0", "reviewPerformance", "ignored"), remedy: "Babelfish maps INDEX hints to PostgreSQL plan hints from 2.3.0 when enable_pg_hint is on." },
      ],
    }),
  row("hint.query", "Query hint (OPTION clause)", "OPTION (hint) on a statement; the hint name is the detail.", always("ignored"), pg("notSupported"), "low",
    "None; Babelfish ignores most query hints by default.", AS_POSTGRES, [AWS.hints, ESCAPE_HATCHES], {
      details: [
        ...QUERY_HINTS.map((hint) => ({ detail: hint, title: `Query hint ${hint.toUpperCase()}` })),
        { detail: "maxdop", title: "Query hint MAXDOP", babelfish: since("2.3.0", "reviewPerformance", "ignored"), remedy: "Mapped to max_parallel_workers_per_gather from 2.3.0 when enable_pg_hint is on." },
        { detail: "loop_join", title: "Query hint LOOP JOIN", babelfish: since("2.3.0", "reviewPerformance", "ignored") },
        { detail: "hash_join", title: "Query hint HASH JOIN", babelfish: since("2.3.0", "reviewPerformance", "ignored") },
        { detail: "merge_join", title: "Query hint MERGE JOIN", babelfish: since("2.3.0", "reviewPerformance", "ignored") },
      ],
    }),
  row("hint.join", "Join hint (INNER LOOP JOIN, HASH, MERGE, REMOTE)", "Join algorithm in the FROM clause.", since("2.3.0", "reviewPerformance", "ignored"), pg("notSupported"), "low",
    "Babelfish can map join hints to plan hints from 2.3.0; otherwise they are ignored.", AS_POSTGRES, [AWS.hints, ESCAPE_HATCHES]),
]);
