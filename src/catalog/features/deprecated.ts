/** Deprecated T-SQL syntax. */
import { always, family, pg, row, since } from "../build.js";
import { AWS, COMPASS_FEATURES, microsoftDocs } from "../sources.js";

const DEPRECATED = microsoftDocs("database-engine/deprecated-database-engine-features-in-sql-server-2022", "Deprecated features in SQL Server 2022");

export const DEPRECATED_FEATURES = family("Deprecated syntax", [
  row("syntax.outer_join_operator", "Old outer join operators *= and =*", "Outer joins written in the WHERE clause.", always("notSupported"), pg("notSupported"), "medium",
    "Rewrite as LEFT or RIGHT OUTER JOIN.", "Rewrite as LEFT or RIGHT OUTER JOIN.", [DEPRECATED, ...COMPASS_FEATURES]),
  row("syntax.string_alias", "String literal as column alias ('alias' = expr)", "Column alias given as a quoted string.", always("reviewManually"), pg("notSupported"), "low",
    "Use AS alias or [alias].", "Use AS \"alias\".", [DEPRECATED], { verified: false }),
  row("syntax.column_dollar_identity", "$IDENTITY / $ROWGUID / IDENTITYCOL", "Pseudo-column references.", always("notSupported"), pg("notSupported"), "low",
    "Name the column.", "Name the column.", [AWS.unsupported]),
  row("syntax.numbered_parameters", "Variables with several leading @", "Identifiers such as @@@x declared by users.", always("notSupported"), pg("notSupported"), "low",
    "Rename the variable.", "Rename the variable.", [AWS.unsupported]),
  row("syntax.bracket_or_at_in_name", "Names containing @ or ]]", "Table or column names with @ or escaped brackets.", always("notSupported"), pg("reviewManually"), "low",
    "Rename the object.", "Quote the name with double quotes, or rename it.", [AWS.unsupported]),
  row("syntax.line_continuation", "Backslash line continuation in strings", "A backslash before a newline inside a string or binary literal.", always("reviewSemantics"), pg("reviewSemantics"), "low",
    "Babelfish keeps the backslash and newline in strings and rejects them in binary literals.", "Remove the continuation.", [AWS.differences], { example: "SELECT 'abc\\\ndef'; -- SQL Server returns 'abcdef'" }),
  row("syntax.timestamp_synonym", "TIMESTAMP used as rowversion", "The deprecated TIMESTAMP name for rowversion.", always("reviewSemantics"), pg("reviewSemantics"), "low",
    "Use ROWVERSION; see the rowversion entry.", "PostgreSQL timestamp is a date-time type, not a row version.", [AWS.supportedByVersion], { example: "CREATE TABLE t (id int, ts timestamp); -- a row version, not a date" }),
  row("syntax.compute", "COMPUTE / COMPUTE BY", "Summary rows after a result set; removed in SQL Server 2012.", always("notSupported"), pg("notSupported"), "medium",
    "Return the summary as a second query, or use ROLLUP.", "Return the summary as a second query, or use ROLLUP.", [DEPRECATED], { verified: false }),
  row("syntax.fn_double_colon", "::fn_name() call syntax", "The old form of calling system table-valued functions.", since("2.2.0"), pg("notSupported"), "low",
    "Supported from 2.2.0; earlier, call sys.fn_name() instead.", "Call the PostgreSQL equivalent.", [DEPRECATED, ...COMPASS_FEATURES]),
  row("syntax.numbered_procedure_call", "Numbered procedure call (EXEC proc;2)", "Calls one member of a numbered procedure group.", always("notSupported"), pg("notSupported"), "low",
    "Give each numbered procedure its own name.", "Give each numbered procedure its own name.", [DEPRECATED, ...COMPASS_FEATURES]),
]);
