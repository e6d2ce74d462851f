/** Every catalog family, in report order. */
import type { FeatureEntry } from "../model.js";
import { BEHAVIOUR_FEATURES } from "./behaviour.js";
import { CONSTRAINT_FEATURES } from "./constraints.js";
import { CURSOR_FEATURES } from "./cursors.js";
import { DATA_TYPE_FEATURES } from "./datatypes.js";
import { DEPRECATED_FEATURES } from "./deprecated.js";
import { DML_FEATURES } from "./dml.js";
import { DYNAMIC_SQL_FEATURES } from "./dynamic-sql.js";
import { ERROR_FEATURES } from "./errors.js";
import { FUNCTION_DETAIL_FEATURES } from "./function-details.js";
import { FUNCTION_FEATURES } from "./functions.js";
import { GENERAL_FUNCTION_FEATURES } from "./functions-general.js";
import { METADATA_FUNCTION_FEATURES } from "./functions-metadata.js";
import { SPECIALISED_FUNCTION_FEATURES } from "./functions-specialised.js";
import { HINT_FEATURES } from "./hints.js";
import { INDEX_FEATURES } from "./indexes.js";
import { MODULE_FEATURES } from "./modules.js";
import { OPTION_FEATURES } from "./options.js";
import { REFERENCE_FEATURES } from "./references.js";
import { SECURITY_FEATURES } from "./security.js";
import { STATEMENT_FEATURES } from "./statements.js";
import {
  CATALOG_VIEW_FEATURES,
  PROCEDURE_FEATURES,
  VARIABLE_FEATURES,
} from "./system-objects.js";
import { TABLE_FEATURES } from "./tables.js";
import { TRANSACTION_FEATURES } from "./transactions.js";
import { TRIGGER_FEATURES } from "./triggers.js";
import { XML_JSON_FEATURES } from "./xml-json.js";

export const ALL_FEATURES: readonly FeatureEntry[] = Object.freeze([
  ...DATA_TYPE_FEATURES,
  ...TABLE_FEATURES,
  ...INDEX_FEATURES,
  ...CONSTRAINT_FEATURES,
  ...MODULE_FEATURES,
  ...TRIGGER_FEATURES,
  ...DML_FEATURES,
  ...HINT_FEATURES,
  ...CURSOR_FEATURES,
  ...TRANSACTION_FEATURES,
  ...ERROR_FEATURES,
  ...XML_JSON_FEATURES,
  ...FUNCTION_FEATURES,
  ...FUNCTION_DETAIL_FEATURES,
  ...GENERAL_FUNCTION_FEATURES,
  ...METADATA_FUNCTION_FEATURES,
  ...SPECIALISED_FUNCTION_FEATURES,
  ...VARIABLE_FEATURES,
  ...PROCEDURE_FEATURES,
  ...CATALOG_VIEW_FEATURES,
  ...STATEMENT_FEATURES,
  ...SECURITY_FEATURES,
  ...OPTION_FEATURES,
  ...REFERENCE_FEATURES,
  ...DEPRECATED_FEATURES,
  ...BEHAVIOUR_FEATURES,
  ...DYNAMIC_SQL_FEATURES,
]);
