/** Module kinds (procedures, functions, views) and their options. */
import { always, family, pg, row, since, sinceOnBothLines } from "../build.js";
import {
  AWS,
  COMPASS_FEATURES,
  ESCAPE_HATCHES,
  postgresDocs,
  UNSUPPORTED_HANDLER,
} from "../sources.js";

const PG_FUNCTION = postgresDocs("sql-createfunction", "CREATE FUNCTION");
const PG_PROCEDURE = postgresDocs("sql-createprocedure", "CREATE PROCEDURE");
const C = COMPASS_FEATURES;
const U = [AWS.unsupported, UNSUPPORTED_HANDLER, ...C];

export const MODULE_FEATURES = family("Modules", [
  row("module.procedure", "Stored procedure", "CREATE PROCEDURE in T-SQL.", always("supported"), pg("reviewManually"), "low",
    "No change needed.", "Rewrite in PL/pgSQL; result sets become refcursors or set-returning functions.", [AWS.supportedByVersion, PG_PROCEDURE], { postgresqlComplexity: "high" }),
  row("module.procedure.alter", "ALTER PROCEDURE", "Replacing a procedure body.", since("4.2.0", "supported", "notSupported", "handler no longer rejects ALTER PROCEDURE"), pg("reviewManually"), "low",
    "Supported from 4.2.0; earlier, drop and recreate the procedure.", "Use CREATE OR REPLACE PROCEDURE.", U),
  row("module.function.scalar", "Scalar user-defined function", "CREATE FUNCTION returning a scalar.", always("supported"), pg("reviewManually"), "low",
    "No change needed.", "Rewrite in PL/pgSQL or SQL.", [PG_FUNCTION], { postgresqlComplexity: "medium" }),
  row("module.function.inline_table", "Inline table-valued function", "RETURNS TABLE AS RETURN (SELECT ...).", always("supported"), pg("reviewManually"), "low",
    "No change needed.", "Use a SQL function RETURNS TABLE (...) or RETURNS SETOF.", [AWS.supportedByVersion, PG_FUNCTION]),
  row("module.function.multi_statement", "Multi-statement table-valued function", "RETURNS @t TABLE (...) with a body.", always("supported"), pg("reviewManually"), "low",
    "No change needed.", "Use a PL/pgSQL function with RETURN QUERY / RETURN NEXT.", [PG_FUNCTION], { postgresqlComplexity: "medium" }),
  row("module.function.alter", "ALTER FUNCTION", "Replacing a function body.", since("4.4.0", "supported", "notSupported", "handler no longer rejects ALTER FUNCTION"), pg("reviewManually"), "low",
    "Supported from 4.4.0; earlier, drop and recreate the function.", "Use CREATE OR REPLACE FUNCTION.", U),
  row("module.view", "View", "CREATE VIEW.", always("supported"), pg("supported"), "low", "No change needed.", "No change needed beyond T-SQL syntax in the query.", [AWS.supportedByVersion]),
  row("module.view.alter", "ALTER VIEW", "Replacing a view definition.", sinceOnBothLines("4.6.0", "5.2.0"), pg("reviewManually"), "low",
    "Supported from 4.6.0 (4.x) and 5.2.0 (5.x); earlier, drop and recreate the view.", "Use CREATE OR REPLACE VIEW (columns may only be added at the end).", U),
  row("module.view.check_option", "WITH CHECK OPTION on a view", "Rejects writes outside the view's filter.", always("notSupported"), pg("supported"), "low",
    "Enforce with a trigger or constraint.", "No change needed.", [AWS.unsupported]),
  row("module.view.view_metadata", "WITH VIEW_METADATA", "Browse-mode metadata option.", always("notSupported"), pg("notSupported"), "low", "Remove the option.", "Remove the option.", [AWS.unsupported]),
  row("module.option.schemabinding", "WITH SCHEMABINDING", "Binds a module to the schema of referenced objects.", always("ignored"), pg("notSupported"), "low",
    "None; accepted and ignored for functions, procedures and triggers; views behave as schema-bound.", "Remove the option; PostgreSQL views always track dependencies.", [AWS.unsupported, ESCAPE_HATCHES]),
  row("module.option.recompile", "WITH RECOMPILE", "Recompile the procedure on each call.", since("4.3.0"), pg("notSupported"), "low",
    "Supported from 4.3.0; earlier, remove the option.", "Remove the option; use plan_cache_mode = force_custom_plan if needed.", [AWS.unsupported, ...C]),
  row("module.option.encryption", "WITH ENCRYPTION", "Obfuscated module text.", always("notSupported"), pg("notSupported"), "low",
    "Remove the option; module text is readable in the catalog.", "Remove the option.", U),
  row("module.option.native_compilation", "NATIVE_COMPILATION and ATOMIC blocks", "Natively compiled modules for memory-optimized tables.", always("notSupported"), pg("notSupported"), "medium",
    "Rewrite as an interpreted module.", "Rewrite as a PL/pgSQL function.", U),
  row("module.option.execute_as", "EXECUTE AS clause of a module", "Security context of a module; the kind (caller, owner, self, user) is the detail.", always("notSupported"), pg("reviewManually"), "medium",
    "Only EXECUTE AS CALLER is accepted.", "Use SECURITY INVOKER (caller) or SECURITY DEFINER (owner).", [AWS.unsupported, AWS.supportedByVersion, ...C], {
      details: [
        { detail: "caller", title: "EXECUTE AS CALLER", babelfish: since("2.4.0"), postgresql: pg("supported"), postgresqlRemedy: "SECURITY INVOKER is the default." },
        // NOTE: Compass rates OWNER a semantic review, but the 4.4.0 syntax
        // handler rejects every form but CALLER; the stricter status is kept.
        { detail: "owner", title: "EXECUTE AS OWNER", postgresqlRemedy: "Use SECURITY DEFINER with a fixed search_path." },
        { detail: "self", title: "EXECUTE AS SELF", postgresqlRemedy: "Use SECURITY DEFINER owned by the creating role." },
        { detail: "user", title: "EXECUTE AS 'user'", postgresqlRemedy: "Use SECURITY DEFINER owned by that role." },
      ],
    }),
  row("module.clr", "CLR procedure or function (EXTERNAL NAME)", "Module implemented in a .NET assembly.", always("notSupported"), pg("notSupported"), "high",
    "Rewrite in T-SQL or move to the application.", "Rewrite in PL/pgSQL, PL/Python or an extension.", U),
  row("module.assembly", "CREATE ASSEMBLY", "Loading a .NET assembly.", always("notSupported"), pg("notSupported"), "high", "Remove; rewrite its modules.", "Remove; rewrite its modules.", [AWS.unsupported]),
  row("module.procedure.numbered", "Numbered procedure (proc;2)", "Procedure groups with version numbers.", always("notSupported"), pg("notSupported"), "low",
    "Give each version its own name.", "Give each version its own name.", [AWS.unsupported]),
  row("module.procedure.temporary", "Temporary procedure (#proc)", "Procedure created in tempdb.", always("reviewSemantics"), pg("notSupported"), "low",
    "Temporary procedures are not dropped automatically; drop them explicitly.", "Create the function in pg_temp, or a regular function.", [AWS.unsupported],
    { example: "CREATE PROCEDURE #p AS SELECT 1; -- still exists after the session in Babelfish" }),
  row("module.parameters.over_100", "More than 100 parameters", "Procedure or function declared with over 100 parameters.", always("notSupported"), pg("notSupported"), "medium",
    "Group parameters into a table-valued parameter or JSON.", "Pass a composite, array or jsonb parameter; PostgreSQL allows 100 arguments.", [AWS.unsupported]),
  row("module.call.default_argument", "DEFAULT as an argument value", "EXEC p @a = DEFAULT or f(DEFAULT).", since("3.4.0"), pg("notSupported"), "low",
    "Supported from 3.4.0; earlier, omit the argument or pass the default value.", "Omit the argument (named notation) or pass the value.", [AWS.unsupported, ...C]),
  row("module.call.variable_name", "EXEC @procedure_name", "Procedure name taken from a variable.", always("notSupported"), pg("notSupported"), "medium",
    "Build the call with sp_executesql.", "Use EXECUTE format(...) in PL/pgSQL.", [AWS.unsupported]),
  row("module.call.execute_function", "EXECUTE of a scalar function", "Calling a function with EXEC.", always("notSupported"), pg("notSupported"), "low",
    "Use SELECT @r = dbo.f(...).", "Use SELECT f(...).", [AWS.unsupported]),
  row("module.call.unquoted_string", "Unquoted string argument", "EXEC p abc, passing a bare word as a string.", since("3.4.0"), pg("notSupported"), "low",
    "Supported from 3.4.0; earlier, quote the value.", "Quote the value.", [AWS.unsupported, ...C]),
  row("module.aggregate.clr", "CREATE AGGREGATE", "User-defined CLR aggregate.", always("notSupported"), pg("reviewManually"), "high",
    "Rewrite the aggregation in queries.", "Use CREATE AGGREGATE with PL/pgSQL state functions.", [AWS.unsupported]),
  row("module.create_or_alter", "CREATE OR ALTER of a module", "CREATE OR ALTER PROCEDURE, FUNCTION, VIEW or TRIGGER.", always("reviewManually"), pg("reviewManually"), "low",
    "Check the Babelfish version; where it is rejected, drop the module if it exists and create it.", "Use CREATE OR REPLACE; a view may only add columns at the end.", [UNSUPPORTED_HANDLER, PG_FUNCTION], { verified: false }),
  row("module.option.null_input", "RETURNS NULL ON NULL INPUT / CALLED ON NULL INPUT", "Null-input behaviour of a scalar function; the option is the detail.", always("supported"), pg("reviewManually"), "low",
    "No change needed.", "Use STRICT (RETURNS NULL ON NULL INPUT) or CALLED ON NULL INPUT.", [...C, PG_FUNCTION]),
  row("module.option.inline", "INLINE = ON | OFF on a scalar function", "Scalar UDF inlining control (SQL Server 2019).", always("reviewPerformance"), pg("notSupported"), "low",
    "The function runs, but Compass rates the option a performance review: inlining does not happen the SQL Server way.", "Remove the option; PostgreSQL inlines simple SQL functions on its own.", [...C, PG_FUNCTION]),
  row("module.procedure.for_replication", "CREATE PROCEDURE ... FOR REPLICATION", "Procedure that runs only during replication.", always("ignored"), pg("notSupported"), "low",
    "None; Compass rates the clause as ignored, so the procedure runs like any other. Drop it if it only served replication.", "Remove the clause.", [UNSUPPORTED_HANDLER, ESCAPE_HATCHES, ...C]),
]);
