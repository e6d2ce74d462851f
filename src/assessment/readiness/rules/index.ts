/** Every readiness rule, in the order docs/readiness.md lists them. */

import type { ReadinessRule } from "../rule.js";
import { backupsRule } from "./backups.js";
import { changeCaptureRule } from "./change-capture.js";
import { clrTypeRule } from "./column-clr-type.js";
import { deprecatedLobRule } from "./column-deprecated-lob.js";
import { rowversionRule } from "./column-rowversion.js";
import { sqlVariantRule } from "./column-sql-variant.js";
import { xmlRule } from "./column-xml.js";
import { columnstoreRule } from "./columnstore.js";
import { computedRule } from "./computed.js";
import { convertedTypesRule } from "./converted-types.js";
import { filestreamRule } from "./filestream.js";
import { identityRule } from "./identity.js";
import { loadStrategyRule } from "./load-strategy.js";
import { logOptionsRule } from "./log-options.js";
import { memoryOptimizedRule } from "./memory-optimized.js";
import { recoveryModelRule } from "./recovery-model.js";
import { sequencesRule } from "./sequences.js";
import { sparseRule } from "./sparse.js";
import { tableKeyRule } from "./table-key.js";
import { tdeRule } from "./tde.js";
import { temporalRule } from "./temporal.js";

export const READINESS_RULES: readonly ReadinessRule[] = [
  tableKeyRule,
  sqlVariantRule,
  clrTypeRule,
  rowversionRule,
  deprecatedLobRule,
  xmlRule,
  convertedTypesRule,
  identityRule,
  sequencesRule,
  computedRule,
  sparseRule,
  filestreamRule,
  temporalRule,
  memoryOptimizedRule,
  columnstoreRule,
  recoveryModelRule,
  backupsRule,
  tdeRule,
  changeCaptureRule,
  logOptionsRule,
  loadStrategyRule,
];
