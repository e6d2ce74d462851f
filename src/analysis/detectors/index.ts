/** Every detector, in no particular order. */

import type { Detector } from "../detector.js";
import { statementDetector } from "./statements.js";

export const DETECTORS: readonly Detector[] = [statementDetector];
