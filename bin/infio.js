#!/usr/bin/env node
// Entry point of the `infio` command; the code is compiled into dist/ by
// `npm install` (the package's prepare script) or `npm run build`.
import { main, processContext } from "../dist/src/cli/main.js";

const code = await main(process.argv.slice(2), processContext());
// Let pending output drain before the process ends.
process.exitCode = code;
