/** SET options and ALTER DATABASE options; the option name is the detail. */
import { always, family, pg, row, since } from "../build.js";
import {
  AWS,
  COMPASS_FEATURES,
  ESCAPE_HATCHES,
  UNSUPPORTED_HANDLER,
} from "../sources.js";

// Session options per Babelfish Compass (1.0.0 to 6.0.0).
const NOT_SUPPORTED_SET = ["arithabort_off", "arithignore_on", "cursor_close_on_commit_on", "numeric_roundabort_on", "ansi_null_dflt_off_on", "ansi_null_dflt_on_off",
  "dateformat", "deadlock_priority", "forceplan", "offsets", "remote_proc_transactions", "query_governor_cost_limit"];
const SUPPORTED_SET = ["ansi_nulls", "quoted_identifier", "concat_null_yields_null", "implicit_transactions", "xact_abort", "datefirst", "language_english"];
const SUPPORTED_FROM: readonly (readonly [string, string])[] = [
  ["parseonly", "2.2.0"], ["statistics_io", "2.2.0"], ["statistics_time", "2.2.0"], ["statistics_profile", "2.2.0"], ["statistics_xml", "2.2.0"],
  ["context_info", "3.2.0"], ["rowcount_variable", "3.4.0"],
];
const IGNORED_SET = ["textsize", "showplan_text", "showplan_xml"];

export const OPTION_FEATURES = family("SET and database options", [
  row("set.option", "SET session option", "SET option ON | OFF | value; the option (with its value where it matters, e.g. `ansi_padding_off`) is the detail.", always("reviewManually"), pg("notSupported"), "low",
    "Check the option against the Babelfish version.", "Map to a PostgreSQL setting, or remove it.", [AWS.unsupported, ESCAPE_HATCHES, ...COMPASS_FEATURES], {
      details: [
        ...NOT_SUPPORTED_SET.map((option) => ({ detail: option, title: `SET ${option.toUpperCase().replaceAll("_", " ")}`, babelfish: always("notSupported" as const), remedy: "Remove the setting or rewrite the code that depends on it." })),
        ...SUPPORTED_SET.map((option) => ({ detail: option, title: `SET ${option.toUpperCase()}`, babelfish: always("supported" as const) })),
        ...SUPPORTED_FROM.map(([option, version]) => ({ detail: option, title: `SET ${option.toUpperCase().replaceAll("_", " ")}`, babelfish: since(version), remedy: `Supported from ${version}; earlier, remove the setting.` })),
        ...IGNORED_SET.map((option) => ({ detail: option, title: `SET ${option.toUpperCase().replaceAll("_", " ")}`, babelfish: always("ignored" as const), remedy: "None; accepted and ignored, so code that relies on its effect behaves differently." })),
        { detail: "ansi_padding_off", title: "SET ANSI_PADDING OFF", babelfish: always("reviewSemantics" as const), remedy: "Accepted, but Compass rates it a semantic review; test code that relies on trailing blanks being trimmed.", example: "SET ANSI_PADDING OFF;\nCREATE TABLE t (c varchar(5)); INSERT t VALUES ('a  '); SELECT DATALENGTH(c) FROM t;" },
        { detail: "ansi_warnings_off", title: "SET ANSI_WARNINGS OFF", babelfish: always("reviewSemantics" as const), remedy: "Accepted, but Compass rates it a semantic review; test code that relies on silent truncation or NULL on divide by zero.", example: "SET ANSI_WARNINGS OFF;\nINSERT t (c5) VALUES ('longer than five'); -- truncated silently in SQL Server" },
        { detail: "fmtonly", title: "SET FMTONLY", babelfish: always("reviewManually" as const), remedy: "Compass cannot rate it; test the client that sends it." },
        { detail: "showplan_all", title: "SET SHOWPLAN_ALL", babelfish: [{ from: "1.0.0", status: "ignored" as const }, { from: "2.2.0", status: "supported" as const }], remedy: "Accepted from 2.2.0; test the tools that read its output." },
        { detail: "no_browsetable", title: "SET NO_BROWSETABLE", babelfish: since("2.2.0", "ignored"), remedy: "Accepted and ignored from 2.2.0; earlier, remove it." },
        { detail: "nocount", title: "SET NOCOUNT", babelfish: always("supported" as const), postgresql: pg("ignored" as const), postgresqlRemedy: "Remove; PostgreSQL clients do not receive DONE_IN_PROC messages." },
        { detail: "language", title: "SET LANGUAGE other than English", babelfish: always("notSupported" as const), remedy: "Only english and us_english are accepted." },
        { detail: "lock_timeout", title: "SET LOCK_TIMEOUT", babelfish: since("1.2.0"), postgresqlRemedy: "Use SET lock_timeout." },
        { detail: "rowcount", title: "SET ROWCOUNT n (n <> 0)", babelfish: since("3.2.0"), remedy: "Supported from 3.2.0 (a variable count from 3.4.0); earlier, use TOP (n).", postgresqlRemedy: "Use LIMIT." },
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
