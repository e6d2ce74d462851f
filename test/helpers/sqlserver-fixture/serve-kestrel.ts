/**
 * Runs the Kestrel fixture server by hand, so that `infio assess --server`
 * or `infio collect` can be pointed at it from a shell. The test CA exists
 * only in memory, so this writes its certificate to a PEM file first.
 *
 *   npm run build
 *   node dist/test/helpers/sqlserver-fixture/serve-kestrel.js [--ca FILE] [--strict] [--hang QUERY_ID]...
 *
 * It prints the address, the CA file and an `infio assess` command, and
 * serves on 127.0.0.1 until Ctrl+C.
 */

import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

import { FIXTURE_LOGIN, startFixtureServer, type RunningFixtureServer } from "./index.js";
import { kestrelServer } from "./kestrel/index.js";

export interface KestrelServeOptions {
  /** Where to write the test CA's certificate (PEM). */
  readonly caFile: string;
  /** Accept TDS 8.0 (strict encryption) only, like a server with Force Strict Encryption. */
  readonly strict?: boolean;
  /** Query ids that return no result until cancelled, to try timeouts and Ctrl+C. */
  readonly hangingQueries?: readonly string[];
}

export interface ServedKestrel {
  readonly server: RunningFixtureServer;
  /** `127.0.0.1,PORT`, the value for `--server`. */
  readonly address: string;
  /** Absolute path of the CA file, the value for `--tls-ca`. */
  readonly caFile: string;
}

/** Writes the test CA to `caFile` and starts the Kestrel fixture server. */
export async function serveKestrel(options: KestrelServeOptions): Promise<ServedKestrel> {
  const hanging = options.hangingQueries ?? [];
  const fixture = hanging.length === 0 ? kestrelServer() : { ...kestrelServer(), faults: { hangingQueries: hanging } };
  const server = await startFixtureServer(fixture, options.strict === true ? { requireStrict: true } : {});
  const caFile = resolve(options.caFile);
  try {
    await writeFile(caFile, server.certificates.ca);
  } catch (error) {
    await server.close();
    throw error;
  }
  return { server, address: `${server.tds.host},${server.tds.port}`, caFile };
}

/** The shell lines that assess the served server with the fixture login. */
export function assessCommand(served: ServedKestrel, strict: boolean): string {
  return [
    `export INFIO_FIXTURE_PASSWORD='${FIXTURE_LOGIN.password}'`,
    `infio assess --server ${served.address} --user ${FIXTURE_LOGIN.userName} ` +
      `--password-env INFIO_FIXTURE_PASSWORD --tls-ca '${served.caFile}' --server-name localhost` +
      `${strict ? " --tls strict" : ""} --store none --out kestrel-report`,
  ].join("\n");
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      ca: { type: "string", default: "infio-test-ca.pem" },
      strict: { type: "boolean", default: false },
      hang: { type: "string", multiple: true, default: [] },
    },
  });
  const served = await serveKestrel({ caFile: values.ca, strict: values.strict, hangingQueries: values.hang });

  process.stdout.write(
    `Kestrel fixture server KESTREL-SQL01 on ${served.address}\n` +
      `test CA written to ${served.caFile}\n\n` +
      `${assessCommand(served, values.strict)}\n\n` +
      "Ctrl+C stops the server.\n",
  );
  process.once("SIGINT", () => {
    void served.server.close().then(() => process.exit(0));
  });
}

// `node --test dist/test/` runs every file under test/, this one included,
// with NODE_TEST_CONTEXT set; the server must start only when run by hand.
const runByHand =
  process.env.NODE_TEST_CONTEXT === undefined &&
  process.argv[1] !== undefined &&
  resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (runByHand) {
  main().catch((error: unknown) => {
    process.stderr.write(`cannot start the Kestrel fixture server: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
