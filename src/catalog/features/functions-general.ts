/**
 * General built-in functions (date and time, math, aggregates, strings,
 * conversion, session) beyond those in `functions.ts`. Babelfish statuses
 * come from the function and aggregate lists of Babelfish Compass
 * (`BabelfishFeatures.cfg`, to 6.0.0): a listed function without a
 * `supported-` release is not supported on any release.
 */
import { always, family, since } from "../build.js";
import { COMPASS_FEATURES, extensionsSource, postgresDocs } from "../sources.js";
import { functionEntries, type FunctionRow } from "./function-table.js";

const PG_DATETIME = postgresDocs("functions-datetime", "Date/time functions and operators");
const PG_MATH = postgresDocs("functions-math", "Mathematical functions and operators");
const PG_AGGREGATE = postgresDocs("functions-aggregate", "Aggregate functions");
const PG_INFO = postgresDocs("functions-info", "System information functions and operators");
const PG_FORMATTING = postgresDocs("functions-formatting", "Data type formatting functions");
const PG_JSON = postgresDocs("functions-json", "JSON functions and operators");
const PG_PGCRYPTO = postgresDocs("pgcrypto", "pgcrypto");

const GRAMMAR = extensionsSource(
  "BABEL_4_X_DEV",
  "contrib/babelfishpg_tsql/src/backend_parser/gram-tsql-rule.y",
  "Babelfish 4.4.0 (development branch)",
);

const ROWS: readonly FunctionRow[] = [
  // Date and time.
  ["sysutcdatetime", since("1.0.0"), "notSupported",
    "Use clock_timestamp() AT TIME ZONE 'UTC' (a timestamp without time zone).", { docs: [PG_DATETIME] }],
  ["year", since("1.0.0"), "notSupported", "Use extract(year FROM d)::int.", { docs: [PG_DATETIME] }],
  ["month", since("1.0.0"), "notSupported", "Use extract(month FROM d)::int.", { docs: [PG_DATETIME] }],
  ["day", since("1.0.0"), "notSupported", "Use extract(day FROM d)::int.", { docs: [PG_DATETIME] }],
  ["current_timezone", always("notSupported"), "notSupported", "Use current_setting('TimeZone').", { docs: [PG_INFO] }],
  ["current_timezone_id", always("notSupported"), "notSupported", "Use current_setting('TimeZone').", { docs: [PG_INFO] }],
  // Compass lists PARSE as unsupported, but the Babelfish grammar accepts
  // PARSE(x AS type [USING culture]); the two sources disagree.
  ["parse", always("reviewManually"), "notSupported",
    "Use to_date(), to_timestamp() or to_number() with an explicit pattern.",
    {
      remedy: "Sources disagree on whether Babelfish supports PARSE; test the call on the target release.",
      verified: false,
      docs: [GRAMMAR, PG_FORMATTING],
    }],
  ["try_parse", since("1.0.0"), "notSupported",
    "Use to_date(), to_timestamp() or to_number() in a function that traps the conversion error.", { docs: [PG_FORMATTING] }],

  // Math and aggregates.
  ["round", since("1.0.0"), "reviewManually",
    "round(numeric, int) exists; cast float arguments to numeric, and use trunc(x, n) for ROUND(x, n, 1).",
    { docs: [PG_MATH] }],
  ["log10", since("1.0.0"), "supported", "No change needed.", { docs: [PG_MATH] }],
  ["count_big", since("1.0.0"), "notSupported", "Use count(); it returns bigint.", { docs: [PG_AGGREGATE] }],
  ["grouping", since("1.0.0"), "supported", "No change needed.", { docs: [PG_AGGREGATE] }],
  ["binary_checksum", always("notSupported"), "notSupported",
    "Compare rows with md5(row(...)::text) or hashtext(); the values differ from SQL Server's.", { docs: [PG_MATH] }],
  ["crypt_gen_random", always("notSupported"), "notSupported",
    "Use gen_random_bytes(n) from pgcrypto.", { docs: [PG_PGCRYPTO] }],

  // Strings and compression.
  ["string_escape", since("1.0.0"), "notSupported",
    "Use to_json(text)::text for JSON escaping.", { docs: [PG_JSON] }],
  ["decompress", always("notSupported"), "notSupported",
    "Decompress in the application; PostgreSQL compresses large values itself (TOAST)."],

  // Session, transactions and server. CURRENT_TIMESTAMP, CURRENT_USER and
  // USER are niladic in both languages.
  ["current_timestamp", since("1.0.0"), "reviewSemantics",
    "Use clock_timestamp() or statement_timestamp() where the value must change within a transaction.",
    {
      title: "CURRENT_TIMESTAMP",
      example: "BEGIN TRAN; SELECT CURRENT_TIMESTAMP; WAITFOR DELAY '00:00:01'; SELECT CURRENT_TIMESTAMP; -- two values in SQL Server, the same transaction start time twice in PostgreSQL",
      docs: [PG_DATETIME],
    }],
  ["current_user", since("1.0.0"), "reviewSemantics",
    "current_user returns the PostgreSQL role name; map roles to the database user names the code expects.",
    {
      title: "CURRENT_USER",
      example: "SELECT CURRENT_USER; -- dbo for the database owner in SQL Server, the role name in PostgreSQL",
      docs: [PG_INFO],
    }],
  ["user", since("1.0.0"), "reviewSemantics",
    "USER is current_user in PostgreSQL: it returns the role name; map roles to the database user names the code expects.",
    {
      title: "USER",
      example: "SELECT USER; -- dbo for the database owner in SQL Server, the role name in PostgreSQL",
      docs: [PG_INFO],
    }],
  ["current_transaction_id", always("notSupported"), "notSupported",
    "Use pg_current_xact_id().", { docs: [PG_INFO] }],
  ["current_request_id", always("notSupported"), "notSupported",
    "Use pg_backend_pid() to tell sessions apart.", { docs: [PG_INFO] }],
  ["min_active_rowversion", always("notSupported"), "notSupported",
    "PostgreSQL has no rowversion; use pg_snapshot_xmin(pg_current_snapshot()).", { docs: [PG_INFO] }],
  ["getansinull", always("notSupported"), "notSupported",
    "Remove the check; PostgreSQL columns are nullable unless declared NOT NULL."],
  ["tertiary_weights", always("notSupported"), "notSupported",
    "Remove the dependency; PostgreSQL collations expose no weights."],
  ["identity", since("3.4.0"), "notSupported",
    "Create the table first with a GENERATED ... AS IDENTITY column, then INSERT ... SELECT.",
    { title: "IDENTITY() in SELECT INTO" }],
];

export const GENERAL_FUNCTION_FEATURES = family(
  "Built-in functions",
  functionEntries(ROWS, COMPASS_FEATURES),
);
