/**
 * Dynamic SQL. The string itself is analysed as nested code when it is
 * known; these entries describe the call and the strings infio could not
 * read.
 */
import { always, family, pg, row } from "../build.js";
import { AWS, COMPASS_FEATURES, postgresDocs } from "../sources.js";

const PG_EXECUTE = postgresDocs("plpgsql-statements", "Executing dynamic commands");

export const DYNAMIC_SQL_FEATURES = family("Dynamic SQL", [
  row("dynamic_sql.exec_string", "EXEC (string)", "Runs a string built at run time as a batch.", always("supported"), pg("reviewManually"), "low",
    "No change needed; the string's own features are reported where infio could read it. EXEC (...) AS LOGIN | USER and AT are rejected.", "Use EXECUTE in PL/pgSQL, with format() and quote_ident() for names.", [AWS.supportedByVersion, ...COMPASS_FEATURES, PG_EXECUTE],
    { postgresqlComplexity: "medium" }),
  row("dynamic_sql.unresolved", "Dynamic SQL that cannot be read statically", "EXEC or sp_executesql of a string whose value is only known at run time.", always("reviewManually"), pg("reviewManually"), "medium",
    "Capture the strings the code builds (for example with a trace) and assess them.", "Capture the strings the code builds and convert them.", [AWS.differences, PG_EXECUTE]),
  row("dynamic_sql.unparsable", "Dynamic SQL that does not parse", "A literal dynamic SQL string that is not valid T-SQL by itself.", always("reviewManually"), pg("reviewManually"), "medium",
    "Check the string; it may be a fragment completed at run time.", "Check the string; it may be a fragment completed at run time.", [AWS.differences, PG_EXECUTE]),
]);
