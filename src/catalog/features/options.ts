/** SET options and ALTER DATABASE options; the option name is the detail. */
import { always, family, pg, row, since } from "../build.js";
import { AWS, ESCAPE_HATCHES, UNSUPPORTED_HANDLER } from "../sources.js";

const NOT_SUPPORTED_SET = ["ansi_padding_off", "ansi_warnings_off", "arithabort_off", "arithignore_on", "cursor_close_on_commit_on", "numeric_roundabort_on", "ansi_null_dflt_off_on", "ansi_null_dflt_on_off",
  "parseonly", "fmtonly", "dateformat", "deadlock_priority", "forceplan", "no_browsetable", "offsets", "remote_proc_transactions", "showplan_all", "showplan_text", "showplan_xml",
  "statistics_io", "statistics_time", "statistics_profile", "statistics_xml", "context_info", "query_governor_cost_limit", "rowcount_variable"];
const SUPPORTED_SET = ["ansi_nulls", "quoted_identifier", "concat_null_yields_null", "implicit_transactions", "xact_abort", "textsize", "datefirst", "language_english"];

export const OPTION_FEATURES = family("SET and database options", [
  row("set.option", "SET session option", "SET option ON | OFF | value; the option (with its value where it matters, e.g. `ansi_padding_off`) is the detail.", always("reviewManually"), pg("notSupported"), "low",
    "Check the option against the Babelfish version.", "Map to a PostgreSQL setting, or remove it.", [AWS.unsupported, ESCAPE_HATCHES], {
      details: [
        ...NOT_SUPPORTED_SET.map((option) => ({ detail: option, title: `SET ${option.toUpperCase().replaceAll("_", " ")}`, babelfish: always("notSupported" as const), remedy: "Remove the setting or rewrite the code that depends on it." })),
        ...SUPPORTED_SET.map((option) => ({ detail: option, title: `SET ${option.toUpperCase()}`, babelfish: always("supported" as const) })),
        { detail: "nocount", title: "SET NOCOUNT", babelfish: always("supported" as const), postgresql: pg("ignored" as const), postgresqlRemedy: "Remove; PostgreSQL clients do not receive DONE_IN_PROC messages." },
        { detail: "language", title: "SET LANGUAGE other than English", babelfish: always("notSupported" as const), remedy: "Only english and us_english are accepted." },
        { detail: "lock_timeout", title: "SET LOCK_TIMEOUT", babelfish: since("1.2.0"), postgresqlRemedy: "Use SET lock_timeout." },
        { detail: "rowcount", title: "SET ROWCOUNT n (n <> 0)", babelfish: always("notSupported" as const), remedy: "Use TOP (n)." , postgresqlRemedy: "Use LIMIT." },
        { detail: "identity_insert", title: "SET IDENTITY_INSERT", babelfish: always("supported" as const), postgresqlRemedy: "Use INSERT ... OVERRIDING SYSTEM VALUE." },
        { detail: "babelfish_showplan_all", title: "SET BABELFISH_SHOWPLAN_ALL", babelfish: since("2.1.0") },
      ].filter((variant, index, all) => all.findIndex((other) => other.detail === variant.detail) === index),
    }),
  row("database.alter", "ALTER DATABASE option", "ALTER DATABASE ... SET / MODIFY; the option is the detail.", always("notSupported"), pg("reviewManually"), "low",
    "Most ALTER DATABASE forms are rejected; compatibility level and some options are accepted and ignored.", "Use ALTER DATABASE ... SET parameter, or remove.", [AWS.unsupported, UNSUPPORTED_HANDLER, ESCAPE_HATCHES], {
      details: [
        { detail: "compatibility_level", title: "SET COMPATIBILITY_LEVEL", babelfish: always("ignored" as const), postgresql: pg("ignored" as const), remedy: "None; accepted and ignored." },
        ...["recovery", "auto_shrink", "auto_close", "auto_create_statistics", "auto_update_statistics", "page_verify", "allow_snapshot_isolation", "read_committed_snapshot", "single_user", "multi_user", "trustworthy", "hadr", "modify_file", "add_file", "collate"].map((option) => ({ detail: option, title: `ALTER DATABASE ${option.toUpperCase()}` })),
      ],
    }),
  row("database.create_options", "CREATE DATABASE with file or collation options", "CREATE DATABASE ... ON (files) or COLLATE.", always("notSupported"), pg("notSupported"), "low",
    "Create the database without file specifications; collation is set for the cluster.", "Use CREATE DATABASE ... LOCALE / ICU_LOCALE.", [UNSUPPORTED_HANDLER]),
  row("database.scoped_configuration", "ALTER DATABASE SCOPED CONFIGURATION", "Per-database engine options.", always("notSupported"), pg("reviewManually"), "low", "Remove; use the parameter group.", "Use ALTER DATABASE ... SET.", [AWS.unsupported]),
]);
