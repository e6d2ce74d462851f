/** Constraints. */
import { always, family, pg, row } from "../build.js";
import { AWS, ESCAPE_HATCHES, postgresDocs, UNSUPPORTED_HANDLER } from "../sources.js";

const PG = postgresDocs("ddl-constraints", "Constraints");

export const CONSTRAINT_FEATURES = family("Constraints", [
  row("ddl.constraint.primary_key", "PRIMARY KEY constraint", "Primary key.", always("supported"), pg("supported"), "low", "No change needed.", "No change needed.", [AWS.supportedByVersion, PG]),
  row("ddl.constraint.unique", "UNIQUE constraint", "Unique key.", always("supported"), pg("reviewSemantics"), "low", "No change needed.",
    "NULLs are distinct in PostgreSQL; use UNIQUE NULLS NOT DISTINCT to keep SQL Server's single-NULL rule.", [PG],
    { example: "ALTER TABLE t ADD UNIQUE (c);\nINSERT t (c) VALUES (NULL), (NULL); -- second row fails in SQL Server" }),
  row("ddl.constraint.foreign_key", "FOREIGN KEY constraint", "Referential constraint.", always("supported"), pg("supported"), "low", "No change needed.", "No change needed.", [PG]),
  row("ddl.constraint.foreign_key_cross_database", "FOREIGN KEY naming another database", "Reference to a table in another database.", always("notSupported"), pg("notSupported"), "high",
    "Enforce the rule with triggers or in the application.", "Enforce the rule in the application; PostgreSQL keys stay within one database.", [AWS.unsupported]),
  row("ddl.constraint.check", "CHECK constraint", "Check constraint.", always("supported"), pg("supported"), "low", "No change needed.", "No change needed.", [PG]),
  row("ddl.constraint.default", "DEFAULT constraint", "Column default.", always("supported"), pg("supported"), "low", "No change needed.", "No change needed.", [PG]),
  row("ddl.constraint.default_named", "Named DEFAULT constraint", "CONSTRAINT name DEFAULT value.", always("ignored"), pg("notSupported"), "low",
    "The constraint name is accepted and ignored; code that drops the default by name fails.", "Defaults have no names; use ALTER COLUMN ... DROP DEFAULT.", [ESCAPE_HATCHES, UNSUPPORTED_HANDLER]),
  row("ddl.constraint.not_for_replication", "NOT FOR REPLICATION", "Constraint or identity skipped by replication agents.", always("ignored"), pg("notSupported"), "low",
    "None; accepted and ignored.", "Remove the clause.", [AWS.unsupported]),
  row("ddl.constraint.cascade", "ON DELETE / ON UPDATE CASCADE", "Cascading referential actions.", always("supported"), pg("supported"), "low", "No change needed.", "No change needed.", [PG]),
]);
