/** The statement families the dispatcher knows, in no particular order. */

import { adminStatements } from "./admin/index.js";
import { controlFlowStatements } from "./control-flow.js";
import { dmlStatements } from "./dml/index.js";
import { moduleStatements } from "./modules/index.js";
import { proceduralStatements } from "./procedural/index.js";
import type { StatementFamily } from "./registry.js";
import { selectStatements } from "./select-statement.js";
import { securityStatements } from "./security/index.js";
import { tableStatements } from "./tables/index.js";

export const STATEMENT_FAMILIES: readonly StatementFamily[] = [
  selectStatements,
  controlFlowStatements,
  proceduralStatements,
  dmlStatements,
  tableStatements,
  moduleStatements,
  securityStatements,
  adminStatements,
];
