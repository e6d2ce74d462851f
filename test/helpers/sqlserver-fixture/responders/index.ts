/** Every responder, by query id. */

import type { ResponderTable } from "../responder.js";

export const RESPONDERS: ResponderTable = {};
