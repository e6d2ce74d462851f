/**
 * assessment.json of a real run against the fixture SQL Server, checked
 * against schema/assessment.schema.json: it validates, and every reason it
 * carries, of a collection problem or a skipped input, is one that the
 * schema's description of that field names.
 */

import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";

import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";

import { main } from "../../src/cli/main.js";
import { FIXTURE_LOGIN, startFixtureServer, type RunningFixtureServer } from "../helpers/sqlserver-fixture/index.js";
import { kestrelServer } from "../helpers/sqlserver-fixture/kestrel/index.js";
import { captureContext } from "./capture.js";
import { REPO } from "./run-infio.js";

// ajv-formats is CommonJS; under NodeNext its default export arrives wrapped.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

const schema = JSON.parse(readFileSync(join(REPO, "schema", "assessment.schema.json"), "utf8"));

/** Returns the hyphenated words, and the words of four letters or more, of a schema description. */
function describedValues(description: string): Set<string> {
  return new Set(description.match(/[a-z]+(?:-[a-z]+)+|\b[a-z]{4,}\b/g) ?? []);
}

describe("assessment.json of a live server", () => {
  let server: RunningFixtureServer;
  let work: string;
  let json: Record<string, any>;

  before(async () => {
    server = await startFixtureServer(kestrelServer());
    work = mkdtempSync(join(tmpdir(), "infio-live-schema-"));
    const caFile = join(work, "ca.pem");
    writeFileSync(caFile, server.certificates.ca);
    const ctx = captureContext({ cwd: work, env: { SQL_PASSWORD: FIXTURE_LOGIN.password } });
    const code = await main(
      [
        "assess", "--server", `${server.tds.host},${server.tds.port}`, "--user", FIXTURE_LOGIN.userName,
        "--password-env", "SQL_PASSWORD", "--tls-ca", caFile, "--server-name", "localhost",
        "--store", "none", "--out", "out", "--format", "json", "--jobs", "1", "--quiet",
      ],
      ctx,
    );
    assert.equal(code, 0, ctx.err.join(""));
    json = JSON.parse(readFileSync(join(work, "out", "assessment.json"), "utf8"));
  });
  after(async () => {
    await server?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it("validates against the schema", () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    assert.ok(validate(json), JSON.stringify(validate.errors, null, 2));
    assert.ok(json.live.problems.length > 0, "the fixture has databases that cannot be read");
  });

  it("carries only problem reasons that the schema describes", () => {
    const problem = schema.$defs.live.properties.problems.items.properties.reason;
    const described = describedValues(problem.description);
    for (const p of json.live.problems) {
      assert.ok(described.has(p.reason), `reason '${p.reason}' not in: ${problem.description}`);
    }
  });

  it("carries only skip reasons that the schema describes", () => {
    const reason = schema.$defs.skippedInput.properties.reason;
    const described = describedValues(reason.description);
    for (const s of json.skipped) {
      assert.ok(described.has(s.reason), `reason '${s.reason}' not in: ${reason.description}`);
    }
    assert.ok(described.has("encrypted"), reason.description);
  });
});
