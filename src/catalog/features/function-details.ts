/** Built-in functions whose support depends on an argument (the detail). */
import { always, family, pg, row, since, sinceOnBothLines, steps } from "../build.js";
import type { DetailVariant, StatusStep } from "../model.js";
import {
  AWS,
  COMPASS_FEATURES,
  extensionsSource,
  postgresDocs,
  upgradeScript,
} from "../sources.js";

const HASHBYTES_SOURCE = extensionsSource(
  "BABEL_4_X_DEV",
  "contrib/babelfishpg_tsql/src/string.c",
  "Babelfish 4.4.0 (development branch)",
);
const BASE_SCRIPT = extensionsSource(
  "BABEL_4_X_DEV",
  "contrib/babelfishpg_tsql/sql/babelfishpg_tsql--1.0.0.sql",
  "Babelfish 1.0.0",
);

const PG_FUNCTIONS = postgresDocs("functions", "Functions and operators");

function supportedSince(names: readonly string[], version: string): DetailVariant[] {
  return names.map((name) => ({ detail: name.toLowerCase(), title: name, babelfish: since(version) }));
}

const SERVER_PROPERTIES_1_0 = ["Babelfish", "Collation", "CollationID", "Edition", "IsSingleUser", "ServerName"];
const SERVER_PROPERTIES_1_2 = ["EditionID", "EngineEdition", "IsAdvancedAnalyticsInstalled", "IsBigDataCluster", "IsFullTextInstalled", "IsIntegratedSecurityOnly", "IsLocalDB", "IsPolyBaseInstalled", "IsXTPSupported", "LicenseType", "ProductMajorVersion", "ProductMinorVersion", "ProductVersion"];
const SERVER_PROPERTIES_UNSUPPORTED = ["BuildClrVersion", "ComparisonStyle", "ComputerNamePhysicalNetBIOS", "HadrManagerStatus", "InstanceDefaultDataPath", "InstanceDefaultLogPath", "IsClustered", "IsHadrEnabled", "LCID", "NumLicenses", "ProcessID", "ProductBuild", "ProductBuildType", "ProductUpdateReference", "ResourceLastUpdateDateTime", "ResourceVersion", "SqlCharSet", "SqlCharSetName", "SqlSortOrder", "SqlSortOrderName", "FilestreamShareName", "FilestreamConfiguredLevel", "FilestreamEffectiveLevel"];
const DATABASE_PROPERTIES = ["Collation", "Edition", "IsAutoClose", "IsAutoCreateStatistics", "IsInStandBy", "IsTornPageDetectionEnabled", "Status", "Updateability", "Version"];

/** Spatial methods by first release, from Babelfish Compass. */
const SPATIAL_METHODS: readonly (readonly [readonly string[], readonly StatusStep[]])[] = [
  // The 3.x line gained these in 3.5.0, the 4.x line in 4.1.0.
  [["STX", "STY", "Lat", "Long", "STAsText", "STAsBinary", "STDistance", "STPointFromText", "STGeomFromText", "Point"],
    steps(["1.0.0", "notSupported"], ["3.5.0", "supported"], ["4.0.0", "notSupported"], ["4.1.0", "supported"])],
  [["STContains", "STEquals", "STArea"], since("4.3.0")],
  [["STDimension", "STDisjoint", "STIntersects", "STIsClosed", "STIsEmpty", "STIsValid"], sinceOnBothLines("4.6.0", "5.2.0")],
  [["HasZ", "HasM", "Z", "M"], sinceOnBothLines("4.7.0", "5.3.0")],
  [["STLineFromText"], since("5.4.0")],
  [["STPolyFromText"], since("5.5.0")],
];

const DATEPART_UNITS: readonly (readonly [string, readonly string[]])[] = [
  ["year", ["yy", "yyyy"]], ["quarter", ["qq", "q"]], ["month", ["mm", "m"]], ["dayofyear", ["dy", "y"]], ["day", ["dd", "d"]],
  ["week", ["wk", "ww"]], ["weekday", ["dw"]], ["hour", ["hh"]], ["minute", ["mi", "n"]], ["second", ["ss", "s"]],
  ["millisecond", ["ms"]], ["microsecond", ["mcs"]], ["nanosecond", ["ns"]], ["tzoffset", ["tz"]], ["iso_week", ["isowk", "isoww"]],
];

export const FUNCTION_DETAIL_FEATURES = family("Built-in functions", [
  row("builtin.function.hashbytes", "HASHBYTES(algorithm, input)", "Hash of a value; the algorithm is the detail.", always("supported"), pg("notSupported"), "low",
    "No change needed for supported algorithms.", "Use digest(input, 'sha256') from pgcrypto, or sha256() / md5().", [BASE_SCRIPT, postgresDocs("pgcrypto", "pgcrypto")], {
      details: [
        ...["md2", "md4"].map((algorithm) => ({ detail: algorithm, title: `HASHBYTES ${algorithm.toUpperCase()}`, babelfish: always("notSupported" as const), remedy: "Babelfish returns NULL for MD2 and MD4 without an error; use SHA2_256.", docs: [HASHBYTES_SOURCE], postgresqlRemedy: "Use md5() or sha256()." })),
        ...["md5", "sha", "sha1", "sha2_256", "sha2_512"].map((algorithm) => ({ detail: algorithm, title: `HASHBYTES ${algorithm.toUpperCase()}` })),
      ],
      example: "SELECT HASHBYTES('MD2', 'x'); -- NULL on Babelfish, a hash on SQL Server",
    }),
  row("builtin.function.convert", "CONVERT(type, value, style)", "Type conversion; the style number is the detail.", always("supported"), pg("notSupported"), "low",
    "No change needed for common styles; check output of rarely used styles.", "Use CAST, or to_char / to_date / to_timestamp with a pattern.", [AWS.supportedByVersion, PG_FUNCTIONS], {
      details: [
        ...["0", "100", "101", "102", "103", "104", "105", "106", "107", "108", "109", "110", "111", "112", "113", "114", "120", "121", "126", "127", "130", "131"].map((style) => ({ detail: style, title: `CONVERT style ${style}` })),
        { detail: "1", title: "CONVERT binary style 1", babelfish: always("reviewSemantics" as const), example: "SELECT CONVERT(varchar(10), 0x4142, 1); -- '0x4142'" },
        { detail: "2", title: "CONVERT binary style 2", babelfish: always("reviewSemantics" as const), example: "SELECT CONVERT(varchar(10), 0x4142, 2); -- '4142'" },
      ],
      verified: false,
      example: "SELECT CONVERT(varchar(20), GETDATE(), 106); -- '01 Jan 2024'",
    }),
  row("builtin.function.datepart", "DATEPART(unit, date)", "Part of a date; the unit is the detail.", since("2.3.0"), pg("notSupported"), "low",
    "Supported from 2.3.0.", "Use extract(unit FROM date); week and weekday numbering differ.", [AWS.supportedByVersion, postgresDocs("functions-datetime", "Date/time functions")], {
      details: DATEPART_UNITS.map(([unit, aliases]) => ({
        detail: unit, aliases, title: `DATEPART ${unit}`,
        ...(unit === "week" || unit === "weekday" ? { postgresql: pg("reviewSemantics" as const), postgresqlRemedy: "extract(week) is ISO-based and extract(dow) starts on Sunday = 0; SQL Server depends on DATEFIRST.", example: "SET DATEFIRST 1; SELECT DATEPART(weekday, '2024-01-07');" } : {}),
      })),
    }),
  row("builtin.function.format_culture", "FORMAT(value, pattern, culture)", "Culture-specific formatting; the culture is the detail.", since("2.3.0", "reviewSemantics"), pg("notSupported"), "medium",
    "Compass lists the named cultures as supported from 2.3.0; check the output for each culture used.", "Use to_char() with lc_numeric / lc_time set, or format in the application.", [AWS.supportedByVersion, ...COMPASS_FEATURES, upgradeScript("2.2.0", "2.3.0")], {
      example: "SELECT FORMAT(1234.5, 'N', 'de-DE'); -- '1.234,50'",
      details: ["en-us", "de-de", "fr-fr", "ja-jp", "invariant"].map((culture) => ({ detail: culture, title: `FORMAT culture ${culture}` })),
    }),
  row("builtin.function.serverproperty", "SERVERPROPERTY(property)", "Server property by name; the property is the detail.", always("reviewManually"), pg("notSupported"), "low",
    "Check that the property is one Babelfish returns.", "Use version(), current_setting() or inet_server_addr().", [AWS.supportedByVersion, AWS.unsupported], {
      details: [
        ...supportedSince(SERVER_PROPERTIES_1_0, "1.0.0"),
        ...supportedSince(SERVER_PROPERTIES_1_2, "1.2.0"),
        ...supportedSince(["InstanceName", "MachineName"], "2.2.0"),
        ...supportedSince(["ProductLevel", "ProductUpdateLevel"], "2.4.0"),
        ...SERVER_PROPERTIES_UNSUPPORTED.map((name) => ({ detail: name.toLowerCase(), title: name, babelfish: always("notSupported" as const), remedy: "Remove the dependency on this property." })),
      ],
    }),
  row("builtin.function.objectproperty", "OBJECTPROPERTY(id, property)", "Object property by name; the property is the detail.", always("reviewManually"), pg("notSupported"), "low",
    "Check that the property is one Babelfish returns.", "Query pg_class, pg_proc or pg_constraint.", [AWS.supportedByVersion], {
      details: [...supportedSince(["IsInlineFunction"], "1.0.0"), ...supportedSince(["IsTableFunction"], "1.1.0"), ...supportedSince(["IsScalarFunction"], "1.2.0")],
    }),
  row("builtin.function.connectionproperty", "CONNECTIONPROPERTY(property)", "Connection property by name.", always("reviewManually"), pg("notSupported"), "low",
    "Check that the property is one Babelfish returns.", "Use inet_client_addr(), inet_server_port() and pg_stat_activity.", [AWS.supportedByVersion], {
      details: [
        ...supportedSince(["auth_scheme", "local_tcp_port", "net_transport", "protocol_type"], "1.0.0"),
        ...supportedSince(["local_net_address"], "1.1.0"),
        ...supportedSince(["client_net_address", "physical_net_transport"], "1.2.0"),
      ],
    }),
  row("builtin.function.sessionproperty", "SESSIONPROPERTY(option)", "Session SET option by name.", always("reviewManually"), pg("notSupported"), "low",
    "Check the option; the ANSI options listed below are not supported.", "Use current_setting().", [AWS.unsupported], {
      details: ["ANSI_NULLS", "ANSI_PADDING", "ANSI_WARNINGS", "ARITHABORT", "CONCAT_NULL_YIELDS_NULL", "NUMERIC_ROUNDABORT"].map((name) => ({ detail: name.toLowerCase(), title: `SESSIONPROPERTY ${name}`, babelfish: always("notSupported" as const) })),
    }),
  row("builtin.function.columnproperty", "COLUMNPROPERTY(id, column, property)", "Column property by name.", since("1.1.0", "reviewManually"), pg("notSupported"), "low",
    "Only CharMaxLen and AllowsNull are documented as supported.", "Query information_schema.columns or pg_attribute.", [AWS.supportedByVersion, AWS.unsupported], {
      details: supportedSince(["CharMaxLen", "AllowsNull"], "1.1.0"),
    }),
  row("builtin.function.databasepropertyex", "DATABASEPROPERTYEX(db, property)", "Database property by name.", always("reviewManually"), pg("notSupported"), "low",
    "Properties other than those listed are not returned; check the property.", "Query pg_database or current_setting().", [AWS.supportedByVersion, ...COMPASS_FEATURES], {
      details: supportedSince(DATABASE_PROPERTIES, "1.0.0"),
    }),
  row("builtin.method.hierarchyid", "hierarchyid methods", "GetAncestor, GetDescendant, GetLevel, IsDescendantOf, GetReparentedValue; the method is the detail.", always("notSupported"), pg("notSupported"), "high",
    "Store the path in a varchar column and rewrite the methods.", "Use the ltree extension.", [AWS.unsupported, ...COMPASS_FEATURES, postgresDocs("ltree", "ltree")]),
  row("builtin.method.spatial", "geography and geometry methods", "STDistance, STIntersects, STAsText and other spatial methods; the method is the detail.", always("reviewManually"), pg("notSupported"), "medium",
    "A method missing from the list below is not known to work on any release; test it or compute the result another way.", "Use the PostGIS functions (ST_Distance, ST_Intersects, ...).", [AWS.supportedByVersion, ...COMPASS_FEATURES], {
      details: SPATIAL_METHODS.flatMap(([names, history]) =>
        names.map((name) => ({ detail: name.toLowerCase(), title: `Spatial method ${name}`, babelfish: history })),
      ),
    }),
]);
