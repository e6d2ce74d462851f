/** SELECT as a statement, including a query that opens with a parenthesis. */

import type { StatementFamily } from "./registry.js";
import { parseSelectStatement } from "./select.js";

export const selectStatements: StatementFamily = {
  leading: {
    SELECT: (p, context) => parseSelectStatement(p, context.mark, context.with),
  },
};
