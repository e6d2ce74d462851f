/**
 * The console's browser files as Vite built them into dist/web-client:
 * the URLs a page puts in its `<script type="module">` and stylesheet tags,
 * and the bytes the server sends for each URL. Only files named in Vite's
 * manifest are served, and each is read once, when the assets are loaded.
 */

import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { escapeHtml } from "../report/html/escape.js";

/** Path prefix of every asset URL; the server routes `/assets/*` here. */
export const CLIENT_ASSET_PREFIX = "/assets/";

/** The build output, found from this module's place in dist/src/web/. */
export const DEFAULT_CLIENT_DIR = fileURLToPath(
  new URL("../../web-client/", import.meta.url),
);

// The manifest's entry key is the entry file relative to Vite's root
// (src/web/client/vite.config.ts sets both).
const ENTRY = "main.ts";

// Vite writes names like `assets/main-Bu2CptUT.js`. Anything else in the
// manifest (an absolute path, `..`, a query) is rejected, so a URL can only
// name a file inside the build folder.
const FILE_NAME = /^assets\/[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
};

export interface ClientAsset {
  readonly body: Buffer;
  readonly contentType: string;
}

export interface ClientAssets {
  /** URLs for `<script type="module" src="...">`, in order. */
  readonly scripts: readonly string[];
  /** URLs for `<link rel="modulepreload" href="...">`: the entry's imports. */
  readonly modulePreloads: readonly string[];
  /** URLs for `<link rel="stylesheet" href="...">`, in order. */
  readonly styles: readonly string[];
  /**
   * Returns the file at a URL path (a query or fragment is ignored), or
   * undefined when the URL names no built file. File names carry a hash of
   * their content, so a response may be cached as immutable.
   */
  asset(url: string): ClientAsset | undefined;
}

interface ManifestChunk {
  readonly file: string;
  readonly isEntry?: boolean;
  readonly imports?: readonly string[];
  readonly css?: readonly string[];
  readonly assets?: readonly string[];
}

/**
 * Reads `.vite/manifest.json` and every file it names from `dir`. Throws
 * when the client was not built or the manifest is invalid, with the
 * command that builds it.
 */
export async function loadClientAssets(
  dir: string = DEFAULT_CLIENT_DIR,
): Promise<ClientAssets> {
  const manifest = await readManifest(dir);
  const entry = manifest[ENTRY];
  if (entry === undefined || entry.isEntry !== true) {
    throw new Error(
      `invalid client manifest in ${dir}: no entry ${JSON.stringify(ENTRY)}; ` +
        "rebuild the client with `npm run build`",
    );
  }

  const imported = importedChunks(manifest, entry);
  const styles = [entry, ...imported].flatMap((chunk) => chunk.css ?? []);

  const files = new Map<string, ClientAsset>();
  for (const chunk of Object.values(manifest)) {
    for (const file of [chunk.file, ...(chunk.css ?? []), ...(chunk.assets ?? [])]) {
      files.set(toUrl(file), await readAsset(dir, file));
    }
  }

  return {
    scripts: [toUrl(entry.file)],
    modulePreloads: imported.map((chunk) => toUrl(chunk.file)),
    styles: [...new Set(styles)].map(toUrl),
    asset: (url) => files.get(url.replace(/[?#].*$/s, "")),
  };
}

/**
 * Returns the tags that load the client, for a page's `<head>`: stylesheets,
 * module preloads, then the entry script. A module script runs after the
 * document is parsed, so the islands find their elements.
 */
export function clientAssetTags(assets: ClientAssets): string {
  const tags = [
    ...assets.styles.map((url) => `<link rel="stylesheet" href="${escapeHtml(url)}">`),
    ...assets.modulePreloads.map(
      (url) => `<link rel="modulepreload" href="${escapeHtml(url)}">`,
    ),
    ...assets.scripts.map(
      (url) => `<script type="module" src="${escapeHtml(url)}"></script>`,
    ),
  ];

  return tags.join("\n");
}

async function readManifest(dir: string): Promise<Record<string, ManifestChunk>> {
  const path = join(dir, ".vite", "manifest.json");

  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(
      `cannot read the client manifest ${path} (${code ?? String(error)}); ` +
        "build the web console's client with `npm run build`",
      { cause: error },
    );
  }

  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(
      `invalid client manifest ${path}: ${(error as Error).message}; ` +
        "rebuild the client with `npm run build`",
      { cause: error },
    );
  }

  return checkManifest(value, path);
}

function checkManifest(value: unknown, path: string): Record<string, ManifestChunk> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new Error(`invalid client manifest ${path}: expected a JSON object`);
  }

  for (const [key, chunk] of Object.entries(value)) {
    const files = chunkFiles(chunk);
    let detail: string | undefined;
    if (files === undefined) {
      detail = "invalid entry";
    } else {
      const bad = files.find((file) => !FILE_NAME.test(file));
      detail = bad === undefined ? undefined : `invalid file name ${JSON.stringify(bad)}`;
    }

    if (detail !== undefined) {
      throw new Error(
        `invalid client manifest ${path}: ${detail} at ${JSON.stringify(key)}; ` +
          "rebuild the client with `npm run build`",
      );
    }
  }

  return value as Record<string, ManifestChunk>;
}

/** Returns every file name of a manifest chunk, or undefined if malformed. */
function chunkFiles(chunk: unknown): string[] | undefined {
  if (typeof chunk !== "object" || chunk === null) {
    return undefined;
  }

  const record = chunk as Record<string, unknown>;
  const lists = [record.css ?? [], record.assets ?? [], record.imports ?? []];
  const listsValid = lists.every(
    (list) => Array.isArray(list) && list.every((item) => typeof item === "string"),
  );
  if (typeof record.file !== "string" || !listsValid) {
    return undefined;
  }

  const css = record.css as string[] | undefined;
  const assets = record.assets as string[] | undefined;
  return [record.file, ...(css ?? []), ...(assets ?? [])];
}

/** Returns the chunks the entry imports, directly or not, each once. */
function importedChunks(
  manifest: Record<string, ManifestChunk>,
  entry: ManifestChunk,
): ManifestChunk[] {
  const seen = new Set<string>();
  const chunks: ManifestChunk[] = [];
  const pending = [...(entry.imports ?? [])];

  while (pending.length > 0) {
    const key = pending.shift()!;
    if (seen.has(key)) {
      continue;
    }

    const chunk = manifest[key];
    if (chunk === undefined) {
      throw new Error(
        `invalid client manifest: ${JSON.stringify(key)} is imported but ` +
          "has no entry; rebuild the client with `npm run build`",
      );
    }

    seen.add(key);
    chunks.push(chunk);
    pending.push(...(chunk.imports ?? []));
  }

  return chunks;
}

function toUrl(file: string): string {
  return `/${file}`;
}

async function readAsset(dir: string, file: string): Promise<ClientAsset> {
  const extension = file.slice(file.lastIndexOf("."));
  const contentType = Object.hasOwn(CONTENT_TYPES, extension)
    ? CONTENT_TYPES[extension]!
    : "application/octet-stream";
  const path = join(dir, ...file.split("/"));

  try {
    return { body: await readFile(path), contentType };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(
      `cannot read client file ${path} named in the manifest ` +
        `(${code ?? String(error)}); rebuild the client with \`npm run build\``,
      { cause: error },
    );
  }
}
