/** Cross-database, remote and client-side references. */
import { always, family, pg, row, since } from "../build.js";
import { AWS, COMPASS_FEATURES, postgresDocs } from "../sources.js";

const PG_FDW = postgresDocs("postgres-fdw", "postgres_fdw");

export const REFERENCE_FEATURES = family("References", [
  row("reference.cross_database", "Three-part name (db.schema.object)", "DML or SELECT naming another database on the same server.", since("2.1.0", "supported", "notSupported", "cross-database SELECT, INSERT, UPDATE, DELETE"), pg("notSupported"), "medium",
    "Supported from 2.1.0 in multiple-database mode.", "Merge the databases into schemas of one database, or use postgres_fdw.", [AWS.supportedByVersion, PG_FDW], { postgresqlComplexity: "high" }),
  row("reference.cross_database_exec", "Cross-database procedure call", "EXEC otherdb.dbo.proc.", since("2.2.0"), pg("notSupported"), "medium",
    "Supported from 2.2.0.", "Merge the databases into schemas, or call through dblink.", [AWS.supportedByVersion]),
  row("reference.four_part", "Four-part name (server.db.schema.object)", "Reference to an object on a linked server.", since("2.4.0", "reviewManually", "notSupported", "linked servers to SQL Server through tds_fdw"), pg("notSupported"), "high",
    "From 2.4.0 linked servers work through tds_fdw; test each query.", "Use a foreign table through postgres_fdw or tds_fdw.", [AWS.unsupported, AWS.linkedServers, PG_FDW]),
  row("reference.openquery", "OPENQUERY", "Pass-through query to a linked server.", since("2.1.0", "reviewManually"), pg("notSupported"), "medium",
    "Listed from 2.1.0; needs a linked server configured through tds_fdw.", "Use a foreign table or dblink.", [AWS.supportedByVersion, AWS.linkedServers]),
  row("reference.openrowset", "OPENROWSET / OPENDATASOURCE", "Ad hoc remote or file rowsets.", always("notSupported"), pg("notSupported"), "medium",
    "Define a linked server, or load files with aws_s3.", "Use file_fdw, COPY, or a foreign table.", [AWS.unsupported]),
  row("reference.identifier_over_63", "Identifier longer than 63 characters", "Object or column name longer than the PostgreSQL limit.", always("reviewSemantics"), pg("notSupported"), "low",
    "Babelfish maps long names to a truncated name plus a hash; catalog queries see the mapped name.", "Shorten the name; PostgreSQL truncates identifiers to 63 bytes.", [AWS.differences, postgresDocs("sql-syntax-lexical", "Lexical structure")],
    { example: "CREATE TABLE a_table_name_that_is_clearly_longer_than_sixty_three_characters_in_total (id int);", verified: false }),
  row("reference.sqlcmd_variable", "sqlcmd variable ($(name), :setvar)", "Script variables substituted by sqlcmd.", always("reviewManually"), pg("notSupported"), "low",
    "Works only when the script runs through sqlcmd.", "Use psql variables (:name, \\set).", [AWS.differences, ...COMPASS_FEATURES]),
  row("reference.odbc_escape", "ODBC escape sequence ({fn ...}, {d '...'})", "ODBC scalar functions and literals in SQL text.", always("notSupported"), pg("notSupported"), "low",
    "Replace with the T-SQL function or literal.", "Replace with the PostgreSQL function or literal.", [AWS.unsupported]),
  row("reference.exec_at", "EXEC (...) AT linked_server", "Pass-through command run on a linked server or external data source.", always("notSupported"), pg("notSupported"), "high",
    "Use OPENQUERY through a tds_fdw linked server, or move the call to the application.", "Use dblink_exec or a foreign table.", [AWS.unsupported, AWS.linkedServers, ...COMPASS_FEATURES]),
]);
