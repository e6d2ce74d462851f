import assert from "node:assert/strict";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";

import {
  CLIENT_ASSET_PREFIX,
  clientAssetTags,
  loadClientAssets,
} from "../../src/web/client-assets.js";

const scratch = await mkdtemp(join(tmpdir(), "infio-client-assets-"));

after(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** Writes a build folder with the given manifest and files; returns it. */
async function fakeBuild(
  name: string,
  manifest: unknown,
  files: Record<string, string> = {},
): Promise<string> {
  const dir = join(scratch, name);
  await mkdir(join(dir, ".vite"), { recursive: true });
  await mkdir(join(dir, "assets"), { recursive: true });
  await writeFile(join(dir, ".vite", "manifest.json"), JSON.stringify(manifest));
  for (const [file, text] of Object.entries(files)) {
    await writeFile(join(dir, file), text);
  }

  return dir;
}

describe("client assets of the real build", () => {
  it("lists the entry script and stylesheet", async () => {
    const assets = await loadClientAssets();
    assert.equal(assets.scripts.length, 1);
    assert.match(assets.scripts[0]!, /^\/assets\/main-[\w-]+\.js$/);
    assert.equal(assets.styles.length, 1);
    assert.match(assets.styles[0]!, /^\/assets\/main-[\w-]+\.css$/);
    assert.deepEqual(assets.modulePreloads, []);
    for (const url of [...assets.scripts, ...assets.styles]) {
      assert.ok(url.startsWith(CLIENT_ASSET_PREFIX), url);
    }
  });

  it("serves the listed files only", async () => {
    const assets = await loadClientAssets();
    const script = assets.asset(assets.scripts[0]!);
    assert.equal(script?.contentType, "text/javascript; charset=utf-8");
    assert.match(script!.body.toString("utf8"), /data-island/);
    assert.equal(assets.asset(`${assets.styles[0]}?v=1`)?.contentType, "text/css; charset=utf-8");

    for (const url of [
      "/assets/",
      "/assets/main.js",
      "/.vite/manifest.json",
      "/assets/../.vite/manifest.json",
      "/assets/%2e%2e/.vite/manifest.json",
      assets.scripts[0]!.slice(1),
    ]) {
      assert.equal(assets.asset(url), undefined, url);
    }
  });

  it("renders tags without inline script", async () => {
    const assets = await loadClientAssets();
    const tags = clientAssetTags(assets);
    assert.equal(
      tags,
      `<link rel="stylesheet" href="${assets.styles[0]}">\n` +
        `<script type="module" src="${assets.scripts[0]}"></script>`,
    );
  });
});

describe("client assets from a manifest", () => {
  it("follows imports for preloads and stylesheets", async () => {
    const dir = await fakeBuild(
      "imports",
      {
        "main.ts": {
          file: "assets/main-1.js",
          isEntry: true,
          imports: ["_shared.js"],
          css: ["assets/main-1.css"],
        },
        "_shared.js": {
          file: "assets/shared-2.js",
          imports: ["_leaf.js"],
          css: ["assets/shared-2.css"],
        },
        "_leaf.js": { file: "assets/leaf-3.js", assets: ["assets/logo-4.svg"] },
      },
      {
        "assets/main-1.js": "main",
        "assets/main-1.css": "a{}",
        "assets/shared-2.js": "shared",
        "assets/shared-2.css": "b{}",
        "assets/leaf-3.js": "leaf",
        "assets/logo-4.svg": "<svg/>",
      },
    );

    const assets = await loadClientAssets(dir);
    assert.deepEqual(assets.scripts, ["/assets/main-1.js"]);
    assert.deepEqual(assets.modulePreloads, ["/assets/shared-2.js", "/assets/leaf-3.js"]);
    assert.deepEqual(assets.styles, ["/assets/main-1.css", "/assets/shared-2.css"]);
    assert.equal(assets.asset("/assets/logo-4.svg")?.contentType, "image/svg+xml");
    assert.equal(assets.asset("/assets/leaf-3.js")?.body.toString(), "leaf");
  });

  it("rejects a missing build", async () => {
    await assert.rejects(
      loadClientAssets(join(scratch, "never-built")),
      new RegExp(
        String.raw`cannot read the client manifest .*manifest\.json \(ENOENT\); ` +
          "build the web console's client with `npm run build`",
      ),
    );
  });

  it("rejects files outside assets folder", async () => {
    const outside = ["../secret.js", "/etc/passwd", "assets/../x.js", "assets/a b.js", "assets/"];
    for (const file of outside) {
      const dir = await fakeBuild("outside", {
        "main.ts": { file, isEntry: true },
      });
      await assert.rejects(
        loadClientAssets(dir),
        new RegExp(`invalid file name ${JSON.stringify(file).replace(/[.*?/]/g, "\\$&")}`),
        file,
      );
    }
  });

  it("rejects a manifest without the entry", async () => {
    const dir = await fakeBuild("no-entry", {
      "other.ts": { file: "assets/other-1.js", isEntry: true },
    });
    await assert.rejects(loadClientAssets(dir), /no entry "main\.ts"/);
  });

  it("rejects a malformed manifest", async () => {
    const cases: [string, unknown, RegExp][] = [
      ["array", [], /expected a JSON object/],
      ["no-file", { "main.ts": { isEntry: true } }, /invalid entry at "main\.ts"/],
      [
        "css-not-list",
        { "main.ts": { file: "assets/m.js", css: "assets/m.css" } },
        /invalid entry/,
      ],
      [
        "dangling-import",
        { "main.ts": { file: "assets/m.js", isEntry: true, imports: ["_gone.js"] } },
        /"_gone\.js" is imported but has no entry/,
      ],
    ];

    for (const [name, manifest, expected] of cases) {
      const dir = await fakeBuild(name, manifest, { "assets/m.js": "" });
      await assert.rejects(loadClientAssets(dir), expected, name);
    }
  });

  it("rejects a listed file that is missing", async () => {
    const dir = await fakeBuild("missing-file", {
      "main.ts": { file: "assets/main-9.js", isEntry: true },
    });
    await assert.rejects(
      loadClientAssets(dir),
      /cannot read client file .*main-9\.js named in the manifest \(ENOENT\)/,
    );
  });
});
