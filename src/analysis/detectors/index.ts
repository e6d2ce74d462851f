/** Every detector, in no particular order. */

import type { Detector } from "../detector.js";
import { statementDetector } from "./statements.js";
import { administrationDetector } from "./administration.js";
import { alterTableDetector } from "./alter-table.js";
import { columnDetector } from "./columns.js";
import { constraintDetector } from "./constraints.js";
import { dataTypeDetector } from "./data-types.js";
import { databaseOptionDetector } from "./database-options.js";
import { identifierDetector } from "./identifiers.js";
import { indexDetector } from "./indexes.js";
import { moduleDetector } from "./modules.js";
import { securityDetector } from "./security.js";
import { tableDetector } from "./tables.js";
import { triggerDetector } from "./triggers.js";
import { dmlDetector } from "./dml.js";
import { hintDetector } from "./hints.js";
import { cursorDetector } from "./cursors.js";
import { transactionDetector } from "./transactions.js";
import { errorDetector } from "./errors.js";
import { xmlJsonDetector } from "./xml-json.js";
import { builtinDetector } from "./builtins.js";
import { systemObjectDetector } from "./system-objects.js";
import { setOptionDetector } from "./set-options.js";
import { referenceDetector } from "./references.js";
import { deprecatedDetector } from "./deprecated.js";
import { behaviourDetector } from "./behaviour.js";
import { dynamicSqlDetector } from "./dynamic-sql.js";
import { dependencyDetector } from "./dependencies.js";

export const DETECTORS: readonly Detector[] = [
  statementDetector,
  administrationDetector,
  alterTableDetector,
  columnDetector,
  constraintDetector,
  dataTypeDetector,
  databaseOptionDetector,
  identifierDetector,
  indexDetector,
  moduleDetector,
  securityDetector,
  tableDetector,
  triggerDetector,
  dmlDetector,
  hintDetector,
  cursorDetector,
  transactionDetector,
  errorDetector,
  xmlJsonDetector,
  builtinDetector,
  systemObjectDetector,
  setOptionDetector,
  referenceDetector,
  deprecatedDetector,
  behaviourDetector,
  dynamicSqlDetector,
  dependencyDetector,
];
