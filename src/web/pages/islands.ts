/**
 * The client islands as the pages use them: the files Vite built into
 * dist/web-client, served as console assets, and the tags that load them
 * in the head of a page with an island. The build is read once, when this
 * module is first imported, so every page and asset route uses the same
 * files.
 *
 * Without a build (`npm run build:client` not run) no island is served and
 * pages keep their server-rendered forms and links, which work without
 * script; ISLANDS_PROBLEM then says why.
 */

import {
  clientAssetTags,
  loadClientAssets,
  type ClientAssets,
} from "../client-assets.js";
import type { Asset } from "../server/assets.js";
import { SafeHtml } from "./html.js";

interface LoadedIslands {
  readonly client: ClientAssets | undefined;
  readonly problem: string | undefined;
}

async function loadIslands(): Promise<LoadedIslands> {
  try {
    return { client: await loadClientAssets(), problem: undefined };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { client: undefined, problem: reason };
  }
}

const loaded = await loadIslands();

/**
 * The reason the islands are not served, such as a missing client build,
 * for the console to log at start; undefined when they are served.
 */
export const ISLANDS_PROBLEM: string | undefined = loaded.problem;

/**
 * The built scripts and style sheets, one asset each, for the console's
 * asset list.
 *
 * NOTE: only the entry, the chunks it imports and their CSS are listed,
 * because ClientAssets names no other file. Images or fonts that a future
 * island's CSS references would need listing too.
 */
export const ISLAND_ASSETS: readonly Asset[] = islandAssets(loaded.client);

function islandAssets(client: ClientAssets | undefined): Asset[] {
  if (client === undefined) {
    return [];
  }

  const urls = [...client.scripts, ...client.modulePreloads, ...client.styles];
  return [...new Set(urls)].map((url) => {
    const file = client.asset(url);
    if (file === undefined) {
      throw new Error(`the client build names ${url} but has no such file; rebuild it with \`npm run build\``);
    }
    return { url, contentType: file.contentType, load: async () => file.body };
  });
}

/**
 * Returns the tags that load the islands (style sheets, module preloads
 * and the entry script), or "" when the client is not built.
 */
export function islandHeadTags(): string {
  return loaded.client === undefined ? "" : clientAssetTags(loaded.client);
}

/**
 * Inserts `tags` at the end of the head of a page that `context.page`
 * rendered. The layout takes script URLs only, and style sheets must come
 * from files because the Content-Security-Policy allows no inline style.
 * The layout escapes every value it writes, so the first `</head>` in the
 * page is the layout's own.
 */
export function withHeadTags(page: SafeHtml, tags: string): SafeHtml {
  if (tags === "") {
    return page;
  }

  const end = page.text.indexOf("</head>");
  if (end === -1) {
    throw new Error("cannot add tags to a page without </head>; render it with context.page");
  }

  return new SafeHtml(`${page.text.slice(0, end)}${tags}\n${page.text.slice(end)}`);
}
