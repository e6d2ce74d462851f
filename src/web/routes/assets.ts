/** Serves the static assets of server/assets.ts, public and cacheable. */

import { AssetCache, type Asset } from "../server/assets.js";
import { declareRoute, type RouteModule } from "./registry.js";

/** Builds the route module that serves `assets`, one GET route each. */
export function assetRoutes(assets: readonly Asset[]): RouteModule {
  const cache = new AssetCache();
  return {
    name: "assets",
    routes: assets.map((asset) =>
      declareRoute({
        method: "GET",
        url: asset.url,
        permission: "public",
        handler: async ({ request, reply }) => {
          const loaded = await cache.get(asset);
          // Browsers may keep assets but must check them first, so that a
          // new infio version's files are used at once.
          reply.header("cache-control", "no-cache");
          reply.header("etag", loaded.etag);
          if (request.headers["if-none-match"] === loaded.etag) {
            return reply.code(304).send();
          }
          return reply.type(asset.contentType).send(loaded.body);
        },
      }),
    ),
  };
}
