/**
 * The object types of DROP and the shape of each statement. Reference:
 * the DROP statements of the Transact-SQL reference, SQL Server 2022 and
 * 2025.
 */

/**
 * - `names`: `[IF EXISTS] name [, ...]`
 * - `none`: no name, as in DROP MASTER KEY
 * - `index`: DROP INDEX, `ix ON table` or `table.ix`
 * - `on-table`: DROP FULLTEXT INDEX ON table
 * - `signature`: DROP [COUNTER] SIGNATURE FROM module BY ...
 * - `columns`: DROP SENSITIVITY CLASSIFICATION FROM column [, ...]
 */
export type DropForm = "names" | "none" | "index" | "on-table" | "signature" | "columns";

export interface DropType {
  /** The object type as the DropStatement reports it. */
  readonly objectType: string;
  readonly form: DropForm;
}

const names = (objectType: string): DropType => ({ objectType, form: "names" });

/** Keys are the words after DROP, as the dispatcher looks them up. */
export const DROP_TYPES: Readonly<Record<string, DropType>> = {
  TABLE: names("TABLE"),
  VIEW: names("VIEW"),
  PROC: names("PROCEDURE"),
  PROCEDURE: names("PROCEDURE"),
  FUNCTION: names("FUNCTION"),
  TRIGGER: names("TRIGGER"),
  INDEX: { objectType: "INDEX", form: "index" },
  STATISTICS: names("STATISTICS"),
  TYPE: names("TYPE"),
  SEQUENCE: names("SEQUENCE"),
  SYNONYM: names("SYNONYM"),
  SCHEMA: names("SCHEMA"),
  DEFAULT: names("DEFAULT"),
  RULE: names("RULE"),
  AGGREGATE: names("AGGREGATE"),
  ASSEMBLY: names("ASSEMBLY"),
  LOGIN: names("LOGIN"),
  USER: names("USER"),
  ROLE: names("ROLE"),
  "APPLICATION ROLE": names("APPLICATION ROLE"),
  "SERVER ROLE": names("SERVER ROLE"),
  CERTIFICATE: names("CERTIFICATE"),
  "ASYMMETRIC KEY": names("ASYMMETRIC KEY"),
  "SYMMETRIC KEY": names("SYMMETRIC KEY"),
  "MASTER KEY": { objectType: "MASTER KEY", form: "none" },
  CREDENTIAL: names("CREDENTIAL"),
  "CRYPTOGRAPHIC PROVIDER": names("CRYPTOGRAPHIC PROVIDER"),
  DATABASE: names("DATABASE"),
  "DATABASE SCOPED CREDENTIAL": names("DATABASE SCOPED CREDENTIAL"),
  "DATABASE ENCRYPTION KEY": { objectType: "DATABASE ENCRYPTION KEY", form: "none" },
  "DATABASE AUDIT SPECIFICATION": names("DATABASE AUDIT SPECIFICATION"),
  "PARTITION FUNCTION": names("PARTITION FUNCTION"),
  "PARTITION SCHEME": names("PARTITION SCHEME"),
  "XML SCHEMA COLLECTION": names("XML SCHEMA COLLECTION"),
  "FULLTEXT CATALOG": names("FULLTEXT CATALOG"),
  "FULLTEXT INDEX": { objectType: "FULLTEXT INDEX", form: "on-table" },
  "FULLTEXT STOPLIST": names("FULLTEXT STOPLIST"),
  "SEARCH PROPERTY LIST": names("SEARCH PROPERTY LIST"),
  "MESSAGE TYPE": names("MESSAGE TYPE"),
  CONTRACT: names("CONTRACT"),
  QUEUE: names("QUEUE"),
  SERVICE: names("SERVICE"),
  ROUTE: names("ROUTE"),
  "REMOTE SERVICE BINDING": names("REMOTE SERVICE BINDING"),
  "BROKER PRIORITY": names("BROKER PRIORITY"),
  "EVENT NOTIFICATION": names("EVENT NOTIFICATION"),
  "EVENT SESSION": names("EVENT SESSION"),
  ENDPOINT: names("ENDPOINT"),
  "SERVER AUDIT": names("SERVER AUDIT"),
  "SERVER AUDIT SPECIFICATION": names("SERVER AUDIT SPECIFICATION"),
  "SECURITY POLICY": names("SECURITY POLICY"),
  "SENSITIVITY CLASSIFICATION": { objectType: "SENSITIVITY CLASSIFICATION", form: "columns" },
  "EXTERNAL TABLE": names("EXTERNAL TABLE"),
  "EXTERNAL DATA SOURCE": names("EXTERNAL DATA SOURCE"),
  "EXTERNAL FILE FORMAT": names("EXTERNAL FILE FORMAT"),
  "EXTERNAL LANGUAGE": names("EXTERNAL LANGUAGE"),
  "EXTERNAL LIBRARY": names("EXTERNAL LIBRARY"),
  "EXTERNAL RESOURCE POOL": names("EXTERNAL RESOURCE POOL"),
  "EXTERNAL MODEL": names("EXTERNAL MODEL"),
  "COLUMN MASTER KEY": names("COLUMN MASTER KEY"),
  "COLUMN ENCRYPTION KEY": names("COLUMN ENCRYPTION KEY"),
  "WORKLOAD GROUP": names("WORKLOAD GROUP"),
  "WORKLOAD CLASSIFIER": names("WORKLOAD CLASSIFIER"),
  "RESOURCE POOL": names("RESOURCE POOL"),
  "AVAILABILITY GROUP": names("AVAILABILITY GROUP"),
  SIGNATURE: { objectType: "SIGNATURE", form: "signature" },
  "COUNTER SIGNATURE": { objectType: "COUNTER SIGNATURE", form: "signature" },
};
