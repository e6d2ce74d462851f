/** Triggers by kind and event. */
import { always, family, pg, row, since, steps } from "../build.js";
import {
  AWS,
  COMPASS_FEATURES,
  postgresDocs,
  UNSUPPORTED_HANDLER,
} from "../sources.js";

const C = COMPASS_FEATURES;

const PG = postgresDocs("sql-createtrigger", "CREATE TRIGGER");
const PG_EVENT = postgresDocs("event-triggers", "Event triggers");

export const TRIGGER_FEATURES = family("Triggers", [
  row("trigger.dml.after", "AFTER (FOR) trigger on a table", "Statement-level DML trigger using inserted/deleted.", always("supported"), pg("reviewManually"), "low",
    "No change needed.", "Write a trigger function; use transition tables (REFERENCING NEW TABLE AS inserted) with FOR EACH STATEMENT.", [AWS.supportedByVersion, PG], { postgresqlComplexity: "medium" }),
  row("trigger.dml.instead_of_table", "INSTEAD OF trigger on a table", "INSTEAD OF INSERT/UPDATE/DELETE on a table.", since("1.2.0"), pg("notSupported"), "medium",
    "Supported from 1.2.0.", "Use a BEFORE ... FOR EACH ROW trigger that returns NULL, or a view with an INSTEAD OF trigger.", [AWS.supportedByVersion, AWS.unsupported, PG]),
  row("trigger.dml.instead_of_view", "INSTEAD OF trigger on a view", "Updatable view through a trigger.", since("3.5.0"), pg("reviewManually"), "medium",
    "Supported from 3.5.0; earlier, replace with a procedure that writes the base tables.", "Use an INSTEAD OF ... FOR EACH ROW trigger on the view.", [AWS.unsupported, ...C, PG]),
  row("trigger.ddl", "DDL trigger (ON DATABASE / ALL SERVER)", "Trigger on CREATE/ALTER/DROP events.", always("notSupported"), pg("reviewManually"), "medium",
    "Remove, or move the logic to a PostgreSQL event trigger.", "Use an event trigger (ddl_command_end).", [UNSUPPORTED_HANDLER, ...C, PG_EVENT]),
  // NOTE: the PostgreSQL remedy's login event trigger (17) was not checked
  // against the PostgreSQL 17 manual.
  row("trigger.logon", "LOGON trigger", "Trigger fired at login.", always("notSupported"), pg("notSupported"), "medium",
    "Move the check to the application or to authentication settings.", "PostgreSQL 17 adds login event triggers; earlier majors need another mechanism.", [UNSUPPORTED_HANDLER, ...C]),
  row("trigger.clr", "CLR trigger (EXTERNAL NAME)", "Trigger implemented in an assembly.", always("notSupported"), pg("notSupported"), "high",
    "Rewrite in T-SQL.", "Rewrite in PL/pgSQL.", [AWS.unsupported, UNSUPPORTED_HANDLER]),
  row("trigger.with_append", "WITH APPEND trigger option", "Legacy option for adding triggers of the same type.", always("notSupported"), pg("notSupported"), "low",
    "Remove WITH APPEND.", "Remove WITH APPEND.", [UNSUPPORTED_HANDLER]),
  row("trigger.alter", "ALTER TRIGGER", "Changing an existing trigger.", always("notSupported"), pg("reviewManually"), "low",
    "Drop and recreate the trigger.", "Use CREATE OR REPLACE TRIGGER.", [UNSUPPORTED_HANDLER, ...C]),
  // Compass: ALTER TABLE ... ENABLE | DISABLE TRIGGER from 1.0.0, the
  // ENABLE | DISABLE TRIGGER statement from 3.4.0.
  row("trigger.enable_disable", "ENABLE / DISABLE TRIGGER", "Turning a trigger on or off, also as ALTER TABLE ... ENABLE TRIGGER.", steps(["1.0.0", "reviewManually"], ["3.4.0", "supported"]), pg("reviewManually"), "low",
    "Supported from 3.4.0; before that only the ALTER TABLE ... ENABLE | DISABLE TRIGGER form works.", "Use ALTER TABLE ... ENABLE | DISABLE TRIGGER name.", [AWS.unsupported, ...C]),
  row("trigger.function.update", "UPDATE(column) in a trigger", "Test whether a column was assigned.", since("1.2.0"), pg("notSupported"), "low",
    "Supported from 1.2.0.", "Compare OLD and NEW values per row.", [AWS.supportedByVersion]),
  row("trigger.function.columns_updated", "COLUMNS_UPDATED()", "Bitmask of assigned columns.", since("1.2.0"), pg("notSupported"), "medium",
    "Supported from 1.2.0.", "Compare OLD and NEW values per row.", [AWS.supportedByVersion]),
  row("trigger.nested", "Nested and recursive triggers", "Triggers that fire other triggers (TRIGGER_NESTLEVEL).", always("reviewSemantics"), pg("reviewSemantics"), "medium",
    "Test firing order and nesting; TRIGGER_NESTLEVEL works only without arguments.", "Use pg_trigger_depth().", [AWS.supportedByVersion],
    { example: "IF TRIGGER_NESTLEVEL(OBJECT_ID('trg'), 'AFTER', 'DML') > 1 RETURN; -- arguments not supported" }),
]);
