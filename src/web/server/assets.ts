/**
 * Static assets: a fixed list of files, each at one URL under /assets/
 * (and the icon at /favicon.ico, where browsers look for it).
 * Nothing outside the list is served, so no request path can reach another
 * file. An asset is text built into the code or a file read once, on first
 * request.
 */

import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";

import { ISLAND_ASSETS } from "../pages/islands.js";
import { REPORT_CSS, REPORT_STYLESHEET_URL } from "../pages/report-styles.js";
import { CONSOLE_CSS } from "../pages/styles.js";
import { faviconIco } from "./favicon.js";

export interface Asset {
  /** URL path, such as `/assets/console.css`. */
  readonly url: string;
  readonly contentType: string;
  /** Returns the asset's bytes; called once, then kept. */
  readonly load: () => Promise<Buffer>;
}

/** Returns an asset whose content is a string in the code. */
export function textAsset(url: string, contentType: string, text: string): Asset {
  return { url, contentType, load: async () => Buffer.from(text, "utf8") };
}

/** Returns an asset read from `path`, such as a file built by Vite. */
export function fileAsset(url: string, contentType: string, path: string): Asset {
  return { url, contentType, load: () => readFile(path) };
}

/** The assets every console serves. */
export const CONSOLE_ASSETS: readonly Asset[] = [
  textAsset("/assets/console.css", "text/css; charset=utf-8", CONSOLE_CSS),
  textAsset(REPORT_STYLESHEET_URL, "text/css; charset=utf-8", REPORT_CSS),
  ...ISLAND_ASSETS,
  // Browsers ask for it at this URL on their own, outside /assets/.
  { url: "/favicon.ico", contentType: "image/x-icon", load: async () => faviconIco() },
];

/** An asset with its bytes and entity tag, as served. */
export interface LoadedAsset {
  readonly body: Buffer;
  readonly etag: string;
}

/** Loads each asset once and keeps it; a failed load is tried again next time. */
export class AssetCache {
  readonly #loaded = new Map<string, Promise<LoadedAsset>>();

  get(asset: Asset): Promise<LoadedAsset> {
    let loading = this.#loaded.get(asset.url);
    if (loading === undefined) {
      loading = loadAsset(asset);
      this.#loaded.set(asset.url, loading);
      loading.catch(() => this.#loaded.delete(asset.url));
    }
    return loading;
  }
}

async function loadAsset(asset: Asset): Promise<LoadedAsset> {
  const body = await asset.load();
  const digest = createHash("sha256").update(body).digest("base64url").slice(0, 27);
  return { body, etag: `"${digest}"` };
}
