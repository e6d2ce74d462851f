/** The statements of this family, keyed as the dispatcher expects. */

import type { StatementFamily } from "../registry.js";

export const proceduralStatements: StatementFamily = {};
