/**
 * The documents the readiness rules rely on, cited by the rules and by
 * docs/readiness.md.
 */

/**
 * AWS DMS User Guide, "Using a Microsoft SQL Server database as a source
 * for AWS DMS": sections "Limitations", "Prerequisites for using ongoing
 * replication (CDC)" and "Source data types for SQL Server" (the
 * awsdocs/aws-dms-user-guide text, 2023).
 */
export const DMS_SQL_SERVER_SOURCE = "AWS DMS User Guide, SQL Server as a source";

/**
 * Amazon Aurora User Guide, "Unsupported functionalities in Babelfish"
 * (column attributes ROWGUIDCOL, SPARSE, FILESTREAM and MASKED; CLR
 * assemblies) and "Babelfish supports geospatial data types" (geometry
 * and geography from Babelfish 3.5.0 and 4.1.0, points only; LineString
 * from 5.4.0; no spatial indexes).
 */
export const BABELFISH_LIMITATIONS = "Aurora User Guide, Babelfish limitations";
