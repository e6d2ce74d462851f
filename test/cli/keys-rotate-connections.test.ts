/**
 * `infio keys rotate` re-wraps the data keys of the web console's saved
 * connections along with the assessments', so a saved password still opens
 * after the master key file is replaced.
 */

import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, it } from "node:test";

import { main } from "../../src/cli/main.js";
import { openStore } from "../../src/store/open-store.js";
import { CONNECTION_KEYS_FOLDER, SavedConnections } from "../../src/web/connections/index.js";
import { tempDir } from "../security/temp-dir.js";
import { captureContext } from "./capture.js";

const PASSWORD = "Rotated-Password-7305!";

async function withConnections<T>(dataDir: string, act: (connections: SavedConnections) => Promise<T>): Promise<T> {
  const opened = await openStore("embedded", { dataDir });
  assert.ok(opened.ok);
  const connections = new SavedConnections({ store: opened.store, dataDir });
  try {
    return await act(connections);
  } finally {
    connections.close();
    await opened.store.close();
  }
}

describe("keys rotate with saved connections", () => {
  it("re-wraps a connection's key under the new master key", async () => {
    const dir = await tempDir("infio-rotate-connections-");
    const dataDir = join(dir, "data");
    const saved = await withConnections(dataDir, (connections) =>
      connections.create({ name: "billing", server: "sql01.corp.example", user: "infio_reader", password: PASSWORD }, "alice"),
    );
    const masterBefore = await readFile(join(dataDir, "master.key"));
    const keyFile = join(dataDir, CONNECTION_KEYS_FOLDER, `${saved.id}.json`);
    const wrappedBefore = await readFile(keyFile, "utf8");

    const ctx = captureContext({ cwd: dir, homedir: dir, env: { INFIO_HOME: dataDir } });
    const code = await main(["keys", "rotate"], ctx);

    assert.equal(code, 0, ctx.err.join(""));
    assert.match(ctx.err.join(""), /re-wrapped 1 data key under key-file:/);
    assert.notDeepEqual(await readFile(join(dataDir, "master.key")), masterBefore);
    assert.notEqual(await readFile(keyFile, "utf8"), wrappedBefore);
    const opened = await withConnections(dataDir, (connections) => connections.openForAssessment(saved.id));
    assert.equal(opened?.settings.password.reveal(), PASSWORD);
  });
});
