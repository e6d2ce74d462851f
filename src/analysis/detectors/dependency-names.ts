/**
 * Names that the dependency detector leaves out because they are built
 * into SQL Server rather than objects of the database.
 */

/**
 * Built-in type names, after "Data types (Transact-SQL)", Microsoft Learn
 * (SQL Server 2022; json and vector are Azure SQL and SQL Server 2025), with
 * the ANSI synonyms the parser may keep as written.
 */
export const SYSTEM_TYPE_NAMES: ReadonlySet<string> = new Set([
  "bigint", "int", "integer", "smallint", "tinyint", "bit", "decimal", "dec", "numeric", "money",
  "smallmoney", "float", "real", "double precision", "date", "datetime2", "datetime",
  "datetimeoffset", "smalldatetime", "time", "char", "character", "varchar", "char varying",
  "character varying", "text", "nchar", "national character", "nvarchar", "national char varying",
  "national character varying", "ntext", "binary", "varbinary", "binary varying", "image", "cursor",
  "geography", "geometry", "hierarchyid", "json", "vector", "rowversion", "timestamp",
  "sql_variant", "table", "uniqueidentifier", "xml", "sysname",
]);

/**
 * Rowset functions built into SQL Server that may appear unqualified in
 * FROM; any other unqualified name there is a user table-valued function.
 */
export const BUILTIN_ROWSET_FUNCTIONS: ReadonlySet<string> = new Set([
  "openquery", "openrowset", "opendatasource", "openxml", "openjson", "string_split",
  "generate_series", "changetable", "containstable", "freetexttable", "predict",
  "semantickeyphrasetable", "semanticsimilaritytable", "semanticsimilaritydetailstable",
  "fn_helpcollations", "fn_virtualfilestats", "fn_get_sql", "fn_trace_gettable",
]);

/**
 * Methods of the CLR types (xml `nodes`, hierarchyid, geometry and
 * geography) that the parser reads as two- or three-part function names.
 * Spatial methods starting with `ST` are matched by their prefix.
 */
export const TYPE_METHODS: ReadonlySet<string> = new Set([
  "nodes", "getancestor", "getdescendant", "getlevel", "getreparentedvalue", "isdescendantof",
  "tostring", "read", "write", "makevalid", "reduce", "bufferwithtolerance", "bufferwithcurves",
  "envelopecenter", "envelopeangle", "filter", "instanceof", "isvaliddetailed", "isnull",
  "numrings", "ringn", "hasm", "hasz", "asgml", "astextzm", "asbinaryzm",
  "minimumboundingcircle", "curvetolinewithtolerance", "reorientobject",
]);

/** Pseudo-tables of triggers and OUTPUT clauses, which are not tables of the database. */
export const PSEUDO_TABLES: ReadonlySet<string> = new Set(["inserted", "deleted"]);
