/**
 * Calls, properties and template tags that take raw SQL, per language.
 * A string given to one of them is taken as SQL even when it does not
 * start like a statement, such as a bare procedure name. The names are
 * those of the libraries' public APIs: ADO.NET, Dapper, EF Core, JDBC, JPA
 * and Hibernate, Spring, Python DB-API (PEP 249), SQLAlchemy, Django,
 * pandas, node-mssql, knex, Sequelize, TypeORM and Prisma.
 */

import type { CallSite } from "./join.js";
import type { CodeToken, SourceLanguage } from "./tokens.js";

interface CallTable {
  readonly calls: ReadonlySet<string>;
  readonly properties: ReadonlySet<string>;
  readonly tags: ReadonlySet<string>;
}

const CSHARP: CallTable = {
  calls: new Set([
    "SqlCommand", "SqlDataAdapter", "OdbcCommand", "OleDbCommand", "DbCommand",
    // Dapper
    "Query", "QueryAsync", "QueryFirst", "QueryFirstAsync", "QueryFirstOrDefault",
    "QueryFirstOrDefaultAsync", "QuerySingle", "QuerySingleAsync", "QuerySingleOrDefault",
    "QuerySingleOrDefaultAsync", "QueryMultiple", "QueryMultipleAsync", "Execute", "ExecuteAsync",
    "ExecuteScalar", "ExecuteScalarAsync", "ExecuteReader", "ExecuteReaderAsync",
    // EF Core
    "FromSqlRaw", "FromSqlInterpolated", "FromSql", "ExecuteSqlRaw", "ExecuteSqlRawAsync",
    "ExecuteSqlInterpolated", "ExecuteSqlInterpolatedAsync", "ExecuteSql", "ExecuteSqlAsync",
    "SqlQueryRaw", "SqlQuery",
  ]),
  properties: new Set(["CommandText", "SelectCommandText"]),
  tags: new Set(),
};

const JAVA: CallTable = {
  calls: new Set([
    // JDBC
    "prepareStatement", "prepareCall", "execute", "executeQuery", "executeUpdate",
    "executeLargeUpdate", "addBatch", "nativeSQL",
    // JPA, Hibernate
    "createNativeQuery", "createSQLQuery", "createNativeMutationQuery",
    // Spring JdbcTemplate and NamedParameterJdbcTemplate
    "query", "queryForObject", "queryForList", "queryForMap", "queryForRowSet",
    "queryForStream", "update", "batchUpdate",
  ]),
  properties: new Set(),
  tags: new Set(),
};

const PYTHON: CallTable = {
  calls: new Set([
    // DB-API 2.0 (pyodbc, pymssql), Django cursors
    "execute", "executemany",
    // SQLAlchemy
    "text", "exec_driver_sql",
    // Django
    "raw", "RawSQL",
    // pandas
    "read_sql", "read_sql_query",
  ]),
  properties: new Set(),
  tags: new Set(),
};

const JAVASCRIPT: CallTable = {
  calls: new Set([
    // mssql, Sequelize, TypeORM
    "query", "batch", "execute",
    // knex
    "raw", "whereRaw", "joinRaw", "fromRaw", "havingRaw", "orderByRaw", "selectRaw",
    // Prisma
    "$queryRaw", "$executeRaw", "$queryRawUnsafe", "$executeRawUnsafe",
  ]),
  properties: new Set(),
  tags: new Set(["sql", "$queryRaw", "$executeRaw"]),
};

const TABLES: Readonly<Record<SourceLanguage, CallTable>> = {
  csharp: CSHARP,
  java: JAVA,
  python: PYTHON,
  javascript: JAVASCRIPT,
  typescript: JAVASCRIPT,
};

/**
 * Returns the display name of a known raw-SQL call, or undefined. Java's
 * `@Query` counts only with `nativeQuery = true`, because otherwise it
 * contains JPQL.
 */
export function knownSqlCall(
  language: SourceLanguage,
  call: CallSite | undefined,
  tokens: readonly CodeToken[],
): string | undefined {
  if (call === undefined) {
    return undefined;
  }
  const table = TABLES[language];
  switch (call.kind) {
    case "call":
      return table.calls.has(call.name) ? call.name : undefined;
    case "property":
      return table.properties.has(call.name) ? call.name : undefined;
    case "tag":
      return table.tags.has(call.name) ? `${call.name}\`\`` : undefined;
    case "annotation":
      return call.name === "Query" && language === "java" && nativeQuery(tokens, call.paren ?? -1)
        ? "@Query(nativeQuery = true)"
        : undefined;
  }
}

/** Returns whether the annotation arguments from `paren` contain `nativeQuery = true`. */
function nativeQuery(tokens: readonly CodeToken[], paren: number): boolean {
  let depth = 0;
  for (let m = paren; m >= 0 && m < tokens.length; m++) {
    const t = tokens[m]!;
    if (t.kind === "punct" && t.text === "(") {
      depth++;
    } else if (t.kind === "punct" && t.text === ")" && --depth === 0) {
      return false;
    } else if (t.kind === "word" && t.text === "nativeQuery") {
      return tokens[m + 1]?.text === "=" && tokens[m + 2]?.text === "true";
    }
  }
  return false;
}

/** Java calls and annotations whose strings are JPQL or HQL, which look like SQL but are not. */
const JAVA_QUERY_LANGUAGE_CALLS = new Set(["createQuery", "NamedQuery", "createSelectionQuery", "createMutationQuery"]);

/**
 * Returns whether the string is given to a call that takes another query language:
 * JPA `createQuery`, `@NamedQuery`, and `@Query` without `nativeQuery = true`.
 */
export function isNonSqlQuery(
  language: SourceLanguage,
  call: CallSite | undefined,
  tokens: readonly CodeToken[],
): boolean {
  if (language !== "java" || call === undefined) {
    return false;
  }
  if (call.kind === "annotation" && call.name === "Query") {
    return !nativeQuery(tokens, call.paren ?? -1);
  }
  return JAVA_QUERY_LANGUAGE_CALLS.has(call.name);
}
