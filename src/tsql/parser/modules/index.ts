/** The statements of this family, keyed as the dispatcher expects. */

import type { StatementFamily, StatementParser } from "../registry.js";
import { parseAggregate } from "./aggregate.js";
import { parseFunction } from "./function.js";
import { parseProcedure } from "./procedure.js";
import { parseEnableDisableTrigger, parseTrigger } from "./trigger.js";
import { parseView } from "./view.js";

const createOrAlter = (isAlter: boolean): Record<string, StatementParser> => ({
  VIEW: (p, context) => parseView(p, context, isAlter),
  PROC: (p, context) => parseProcedure(p, context, isAlter),
  PROCEDURE: (p, context) => parseProcedure(p, context, isAlter),
  FUNCTION: (p, context) => parseFunction(p, context, isAlter),
  TRIGGER: (p, context) => parseTrigger(p, context, isAlter),
});

export const moduleStatements: StatementFamily = {
  leading: {
    "ENABLE TRIGGER": parseEnableDisableTrigger,
    "DISABLE TRIGGER": parseEnableDisableTrigger,
  },
  create: { ...createOrAlter(false), AGGREGATE: parseAggregate },
  alter: createOrAlter(true),
};
