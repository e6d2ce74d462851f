/**
 * Built-in functions without argument-sensitive variants. A row gives the
 * first Babelfish release with the function ("1.0.0" when present from the
 * start, undefined when not supported), from the AWS version table (up to
 * 3.1.0), the upgrade script that creates it, or Babelfish Compass (to
 * 6.0.0), whose function list also names the functions no release has.
 */
import { always, family, pg, row, since } from "../build.js";
import type { CatalogStatus, DocReference } from "../model.js";
import {
  AWS,
  COMPASS_FEATURES,
  POSTGRESQL_18_FEATURES,
  postgresDocs,
  upgradeScript,
} from "../sources.js";

const PG_FUNCTIONS = postgresDocs("functions", "Functions and operators");

/** [name, first Babelfish release or undefined, PostgreSQL status, PostgreSQL remedy, extra source] */
/** `null` as the release means no opened document states it; the entry is unverified. */
type FunctionRow = readonly [string, string | null | undefined, CatalogStatus, string, DocReference?];

const ROWS: readonly FunctionRow[] = [
  ["str", "2.4.0", "notSupported", "Use to_char() or lpad(round(x, d)::text, n)."],
  ["format", "2.3.0", "notSupported", "Use to_char() with a PostgreSQL pattern.", upgradeScript("2.2.0", "2.3.0")],
  ["choose", "1.1.0", "notSupported", "Use CASE or (ARRAY[...])[n]."],
  ["iif", "1.0.0", "notSupported", "Use CASE WHEN ... THEN ... ELSE ... END."],
  ["isnull", "1.0.0", "notSupported", "Use COALESCE (watch the result type)."],
  ["translate", "4.3.0", "supported", "No change needed.", upgradeScript("4.2.0", "4.3.0")],
  ["trim", "4.3.0", "supported", "No change needed.", upgradeScript("4.2.0", "4.3.0")],
  ["string_agg", "1.0.0", "supported", "No change needed; WITHIN GROUP (ORDER BY) becomes ORDER BY inside the call."],
  ["concat_ws", "1.1.0", "supported", "No change needed."],
  ["concat", "1.0.0", "supported", "No change needed."],
  ["string_split", "2.1.0", "notSupported", "Use regexp_split_to_table or unnest(string_to_array())."],
  ["charindex", "2.1.0", "notSupported", "Use strpos() (argument order is reversed)."],
  ["patindex", "2.1.0", "notSupported", "Use regexp_instr (PostgreSQL 15+) or position with a regex."],
  ["len", "1.0.0", "notSupported", "Use length(rtrim(x)); LEN ignores trailing spaces."],
  ["datalength", "1.0.0", "notSupported", "Use octet_length()."],
  ["left", "1.0.0", "supported", "No change needed."],
  ["right", "1.0.0", "supported", "No change needed."],
  ["replicate", "1.0.0", "notSupported", "Use repeat()."],
  ["space", "1.0.0", "notSupported", "Use repeat(' ', n)."],
  ["stuff", "1.0.0", "notSupported", "Use overlay(x placing y from s for n)."],
  ["quotename", "1.0.0", "notSupported", "Use quote_ident()."],
  ["soundex", "1.0.0", "reviewManually", "Use soundex() from the fuzzystrmatch extension."],
  ["difference", "1.0.0", "reviewManually", "Use difference() from the fuzzystrmatch extension."],
  ["unicode", "1.0.0", "notSupported", "Use ascii() on a UTF-8 database."],
  ["nchar", "1.0.0", "notSupported", "Use chr()."],
  ["char", "1.0.0", "notSupported", "Use chr()."],
  ["getdate", "1.0.0", "notSupported", "Use now() or localtimestamp."],
  ["getutcdate", "1.0.0", "notSupported", "Use now() AT TIME ZONE 'UTC'."],
  ["sysdatetime", "1.0.0", "notSupported", "Use clock_timestamp() or localtimestamp."],
  ["sysdatetimeoffset", "1.0.0", "notSupported", "Use now()."],
  ["dateadd", "2.3.0", "notSupported", "Use x + interval 'n unit'."],
  ["datediff", "2.3.0", "notSupported", "Use date subtraction or extract(epoch from ...); boundary counting differs."],
  ["datediff_big", "2.4.0", "notSupported", "Use extract(epoch from ...) arithmetic."],
  ["datename", "2.3.0", "notSupported", "Use to_char()."],
  ["eomonth", "3.3.0", "notSupported", "Use date_trunc('month', d) + interval '1 month - 1 day'.", upgradeScript("3.2.0", "3.3.0")],
  ["datefromparts", "1.1.0", "notSupported", "Use make_date()."],
  ["datetimefromparts", "1.1.0", "notSupported", "Use make_timestamp()."],
  ["datetimeoffsetfromparts", "2.3.0", "notSupported", "Use make_timestamptz()."],
  ["datetrunc", "3.4.0", "notSupported", "Use date_trunc().", upgradeScript("3.3.0", "3.4.0")],
  ["date_bucket", "3.4.0", "notSupported", "Use date_bin().", upgradeScript("3.3.0", "3.4.0")],
  ["switchoffset", "3.4.0", "notSupported", "Use AT TIME ZONE.", upgradeScript("3.3.0", "3.4.0")],
  ["todatetimeoffset", "3.4.0", "notSupported", "Use AT TIME ZONE.", upgradeScript("3.3.0", "3.4.0")],
  ["isdate", "1.0.0", "notSupported", "Write a function that traps the cast error."],
  ["isnumeric", "1.0.0", "notSupported", "Use a regular expression test."],
  ["try_convert", "2.3.0", "notSupported", "Write a function that traps the cast error (pg_input_is_valid in PostgreSQL 16)."],
  ["try_cast", "1.0.0", "notSupported", "Use pg_input_is_valid (PostgreSQL 16) before the cast."],
  ["newid", "1.0.0", "notSupported", "Use gen_random_uuid()."],
  ["newsequentialid", "1.0.0", "notSupported", "Use gen_random_uuid(), or uuidv7() in PostgreSQL 18.", POSTGRESQL_18_FEATURES],
  ["checksum", "1.0.0", "notSupported", "Use hashtext() or md5(); values differ."],
  ["atn2", "2.4.0", "notSupported", "Use atan2()."],
  ["square", "1.1.0", "notSupported", "Use power(x, 2)."],
  ["log", "1.0.0", "reviewSemantics", "PostgreSQL log(x) is base 10; use ln(x) for the natural logarithm."],
  ["rand", "1.0.0", "notSupported", "Use random()."],
  ["scope_identity", "1.0.0", "notSupported", "Use INSERT ... RETURNING id, or lastval()."],
  ["ident_current", "1.0.0", "notSupported", "Use currval() of the identity sequence."],
  ["object_id", "1.0.0", "notSupported", "Use to_regclass('schema.name')::oid."],
  ["object_name", "1.0.0", "notSupported", "Use oid::regclass::text."],
  ["object_schema_name", "2.4.0", "notSupported", "Query pg_class joined to pg_namespace."],
  ["object_definition", "2.4.0", "notSupported", "Use pg_get_functiondef() or pg_get_viewdef()."],
  ["db_name", "1.0.0", "notSupported", "Use current_database()."],
  ["db_id", "1.0.0", "notSupported", "Query pg_database."],
  ["schema_name", "1.1.0", "notSupported", "Use current_schema()."],
  ["suser_sname", "1.2.0", "notSupported", "Use session_user."],
  ["suser_sid", "1.2.0", "notSupported", "Query pg_roles."],
  ["user_name", "1.0.0", "notSupported", "Use current_user."],
  ["system_user", "2.2.0", "notSupported", "Use session_user (system_user exists from PostgreSQL 16 with another meaning)."],
  ["session_user", "1.1.0", "supported", "No change needed."],
  ["original_login", "1.1.0", "notSupported", "Use session_user."],
  ["app_name", "2.4.0", "notSupported", "Use current_setting('application_name')."],
  ["host_name", "2.2.0", "notSupported", "Use inet_client_addr()."],
  ["is_member", "2.1.0", "notSupported", "Use pg_has_role()."],
  ["is_rolemember", "2.1.0", "notSupported", "Use pg_has_role()."],
  ["is_srvrolemember", "1.2.0", "notSupported", "Use pg_has_role()."],
  ["has_perms_by_name", "2.1.0", "notSupported", "Use has_table_privilege() and related functions."],
  ["has_dbaccess", "1.2.0", "notSupported", "Use has_database_privilege()."],
  ["session_context", "2.4.0", "notSupported", "Use current_setting() with a custom setting."],
  ["context_info", "3.2.0", "notSupported", "Use a custom setting (set_config)."],
  ["cursor_status", "1.1.0", "notSupported", "Track the cursor state in variables."],
  ["fulltextserviceproperty", "1.2.0", "notSupported", "Remove; full-text search is configured differently."],
  ["typeproperty", "3.4.0", "notSupported", "Query pg_type.", upgradeScript("3.3.0", "3.4.0")],
  ["approx_count_distinct", undefined, "notSupported", "Use count(DISTINCT x) or the hll extension."],
  ["checksum_agg", undefined, "notSupported", "Aggregate hashes with bit_xor()."],
  ["grouping_id", undefined, "notSupported", "Use GROUPING(a, b) with several arguments."],
  ["rowcount_big", "3.2.0", "notSupported", "Use GET DIAGNOSTICS n = ROW_COUNT."],
  ["stdev", "3.2.0", "notSupported", "Use stddev_samp()."],
  ["stdevp", "3.2.0", "notSupported", "Use stddev_pop()."],
  ["var", "3.2.0", "notSupported", "Use var_samp()."],
  ["varp", "3.2.0", "notSupported", "Use var_pop()."],
  ["certencoded", undefined, "notSupported", "Manage certificates outside the database."],
  ["certprivatekey", undefined, "notSupported", "Manage certificates outside the database."],
  ["loginproperty", undefined, "notSupported", "Query pg_authid through an administrator function."],
  ["eventdata", undefined, "notSupported", "Use pg_event_trigger_ddl_commands() in an event trigger."],
  ["encryptbykey", undefined, "notSupported", "Use pgcrypto (pgp_sym_encrypt)."],
  ["decryptbykey", undefined, "notSupported", "Use pgcrypto (pgp_sym_decrypt)."],
  ["compress", undefined, "notSupported", "Compress in the application; PostgreSQL compresses large values itself."],
  ["greatest", undefined, "supported", "No change needed."],
  ["least", undefined, "supported", "No change needed."],
  ["timefromparts", "3.2.0", "notSupported", "Use make_time()."],
  ["datetime2fromparts", "3.2.0", "notSupported", "Use make_timestamp()."],
  ["database_principal_id", "3.2.0", "notSupported", "Query pg_roles for the role oid."],
  ["smalldatetimefromparts", "3.3.0", "notSupported", "Use make_timestamp() and round to the minute."],
  ["parsename", "3.3.0", "notSupported", "Use split_part() on the dotted name."],
  ["host_id", "3.3.0", "notSupported", "Use pg_backend_pid() or inet_client_addr()."],
  ["col_name", "3.4.0", "notSupported", "Query pg_attribute."],
  ["col_length", "3.4.0", "notSupported", "Query pg_attribute.atttypmod."],
  ["type_id", "3.4.0", "notSupported", "Use to_regtype()::oid."],
  ["type_name", "3.4.0", "notSupported", "Use format_type()."],
  ["sid_binary", "2.2.0", "notSupported", "Remove the dependency; PostgreSQL roles have no SIDs."],
  ["generate_series", undefined, "reviewSemantics", "Use generate_series(); it returns a column named generate_series, not value."],
  ["json_path_exists", undefined, "notSupported", "Use jsonb_path_exists()."],
  ["bit_count", undefined, "notSupported", "Use bit_count() on a bytea or bit value."],
  ["left_shift", undefined, "notSupported", "Use the << operator."],
  ["right_shift", undefined, "notSupported", "Use the >> operator."],
  ["get_bit", undefined, "notSupported", "Use get_bit() (bit numbering differs)."],
  ["set_bit", undefined, "notSupported", "Use set_bit() (bit numbering differs)."],
  ["percentile_cont", undefined, "reviewManually", "Use percentile_cont() WITHIN GROUP as an ordered-set aggregate; the OVER form has no equivalent."],
  ["percentile_disc", undefined, "reviewManually", "Use percentile_disc() WITHIN GROUP as an ordered-set aggregate; the OVER form has no equivalent."],
];

/** Snippets for functions whose result differs on a target. */
const EXAMPLES: Readonly<Record<string, string>> = {
  log: "SELECT LOG(100); -- 4.605 (natural log) in SQL Server, 2 in PostgreSQL",
  generate_series: "SELECT value FROM GENERATE_SERIES(1, 3); -- the column is generate_series in PostgreSQL",
};

export const FUNCTION_FEATURES = family(
  "Built-in functions",
  ROWS.map(([name, first, postgresql, postgresqlRemedy, source]) => {
    const upper = name.toUpperCase();
    const babelfish =
      first === null
        ? always("reviewManually")
        : first === undefined
          ? always("notSupported")
          : since(first);
    const remedy =
      first === null
        ? `No opened document states whether Babelfish has ${upper}; test it.`
        : first === undefined
        ? `${upper} is not available in Babelfish; rewrite the expression.`
        : first === "1.0.0"
          ? "No change needed."
          : `Supported from Babelfish ${first}; earlier releases need a rewrite.`;

    return row(
      `builtin.function.${name}`,
      `${upper}()`,
      `Calls to the built-in function ${upper}.`,
      babelfish,
      pg(postgresql),
      "low",
      remedy,
      postgresqlRemedy,
      [AWS.supportedByVersion, ...COMPASS_FEATURES, ...(first === undefined ? [AWS.unsupported] : []), ...(source === undefined ? [] : [source]), PG_FUNCTIONS],
      {
        verified: first !== null,
        ...(EXAMPLES[name] === undefined ? {} : { example: EXAMPLES[name] }),
      },
    );
  }),
);
