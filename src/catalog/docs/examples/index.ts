/** The examples of every feature family, in catalog order. */
import type { FamilyExamples } from "../family-examples.js";
import { ADMINISTRATION_STATEMENTS } from "./administration-statements.js";
import { BEHAVIOUR_DIFFERENCES } from "./behaviour-differences.js";
import { BUILT_IN_FUNCTIONS } from "./built-in-functions.js";
import { CATALOG_VIEWS } from "./catalog-views.js";
import { CONSTRAINTS } from "./constraints.js";
import { CURSORS } from "./cursors.js";
import { DATA_TYPES } from "./data-types.js";
import { DEPRECATED_SYNTAX } from "./deprecated-syntax.js";
import { DML } from "./dml.js";
import { DYNAMIC_SQL } from "./dynamic-sql.js";
import { ERROR_HANDLING } from "./error-handling.js";
import { HINTS } from "./hints.js";
import { INDEXES } from "./indexes.js";
import { MODULES } from "./modules.js";
import { REFERENCES } from "./references.js";
import { SECURITY } from "./security.js";
import { SET_AND_DATABASE_OPTIONS } from "./set-and-database-options.js";
import { SYSTEM_PROCEDURES } from "./system-procedures.js";
import { TABLE_OPTIONS } from "./table-options.js";
import { TRANSACTIONS } from "./transactions.js";
import { TRIGGERS } from "./triggers.js";
import { VARIABLES } from "./variables.js";
import { XML_AND_JSON } from "./xml-and-json.js";

export const FAMILY_EXAMPLES: readonly FamilyExamples[] = Object.freeze([
  DATA_TYPES,
  TABLE_OPTIONS,
  INDEXES,
  CONSTRAINTS,
  MODULES,
  TRIGGERS,
  DML,
  HINTS,
  CURSORS,
  TRANSACTIONS,
  ERROR_HANDLING,
  XML_AND_JSON,
  BUILT_IN_FUNCTIONS,
  VARIABLES,
  SYSTEM_PROCEDURES,
  CATALOG_VIEWS,
  ADMINISTRATION_STATEMENTS,
  SECURITY,
  SET_AND_DATABASE_OPTIONS,
  REFERENCES,
  DEPRECATED_SYNTAX,
  BEHAVIOUR_DIFFERENCES,
  DYNAMIC_SQL,
]);
