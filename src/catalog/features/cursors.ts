/** Cursors and cursor options. */
import { always, family, pg, row, since } from "../build.js";
import {
  AWS,
  COMPASS_FEATURES,
  postgresDocs,
  UNSUPPORTED_HANDLER,
} from "../sources.js";

const PG = postgresDocs("plpgsql-cursors", "PL/pgSQL cursors");
const U = [AWS.unsupported, UNSUPPORTED_HANDLER, ...COMPASS_FEATURES];
const NO = "notSupported" as const;

export const CURSOR_FEATURES = family("Cursors", [
  row("cursor.declare", "DECLARE CURSOR (local, forward-only, read-only)", "A basic T-SQL cursor.", always("supported"), pg("reviewManually"), "low",
    "No change needed.", "Use a PL/pgSQL cursor or, better, a set-based query or FOR ... IN SELECT loop.", [AWS.supportedByVersion, PG], { postgresqlComplexity: "medium" }),
  ...(
    [
      ["scroll", "SCROLL", "Remove SCROLL and fetch forward only.", "PL/pgSQL supports SCROLL cursors."],
      ["dynamic", "DYNAMIC", "Use a STATIC or FAST_FORWARD cursor, or a set-based query.", "PostgreSQL cursors are insensitive; re-query instead."],
      ["keyset", "KEYSET", "Use a STATIC cursor over the keys.", "PostgreSQL cursors are insensitive; re-query instead."],
      ["scroll_locks", "SCROLL_LOCKS", "Lock rows explicitly with UPDLOCK-free logic.", "Use SELECT ... FOR UPDATE in the cursor query."],
      ["optimistic", "OPTIMISTIC", "Remove the option and check row versions in the update.", "Remove the option."],
      ["type_warning", "TYPE_WARNING", "Remove the option.", "Remove the option."],
      ["for_update", "FOR UPDATE (updatable cursor)", "Update by key instead of through the cursor.", "Use FOR UPDATE in the cursor query with WHERE CURRENT OF."],
    ] as const
  ).map(([id, name, remedy, postgresqlRemedy]) =>
    row(`cursor.option.${id}`, `Cursor option ${name}`, `DECLARE CURSOR with the ${name} option.`, always(NO), pg("reviewManually"), "medium", remedy, postgresqlRemedy, [...U, PG])),
  // Compass classifies FAST_FORWARD as ignored: the cursor runs as a plain
  // forward-only, read-only cursor.
  row("cursor.option.fast_forward", "Cursor option FAST_FORWARD", "DECLARE CURSOR with the FAST_FORWARD option.", always("ignored"), pg("reviewManually"), "low",
    "None; the option is accepted and the cursor behaves as LOCAL FORWARD_ONLY READ_ONLY.", "Use a plain cursor.", [...U, PG]),
  row("cursor.option.global", "GLOBAL cursor", "Cursor visible outside the batch or procedure.", always(NO), pg(NO), "medium",
    "Declare the cursor LOCAL in the module that uses it.", "Pass a refcursor between functions.", [...U, PG]),
  row("cursor.option.static", "STATIC / INSENSITIVE cursor", "Cursor over a snapshot.", always("supported"), pg("reviewManually"), "low", "No change needed.", "PostgreSQL cursors are insensitive already.", [AWS.supportedByVersion, ...COMPASS_FEATURES, PG]),
  ...(
    [
      ["prior", "PRIOR"], ["first", "FIRST"], ["last", "LAST"], ["absolute", "ABSOLUTE n"], ["relative", "RELATIVE n"],
    ] as const
  ).map(([id, name]) =>
    // NOTE: Compass marks these FETCH forms supported from 1.2.0 while the
    // AWS list of unsupported features still names them, so from 1.2.0
    // they stay a manual review.
    row(`cursor.fetch.${id}`, `FETCH ${name}`, `Fetching with ${name} from a scrollable cursor.`, since("1.2.0", "reviewManually"), pg("reviewManually"), "medium",
      "The sources disagree from 1.2.0 on; test the fetch, or rewrite with FETCH NEXT or re-query with OFFSET.", `PL/pgSQL supports FETCH ${name} on SCROLL cursors.`, [AWS.unsupported, ...COMPASS_FEATURES, PG])),
  row("cursor.parameter.output", "Cursor-typed OUTPUT parameter", "CURSOR VARYING OUTPUT parameter.", always(NO), pg("reviewManually"), "medium",
    "Return a result set instead.", "Return a refcursor.", [AWS.unsupported, PG]),
  row("cursor.variable", "Cursor variable (DECLARE @c CURSOR)", "Cursor held in a variable.", always("supported"), pg("reviewManually"), "low", "No change needed.", "Use a refcursor variable.", [AWS.supportedByVersion, PG]),
]);
