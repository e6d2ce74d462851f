/**
 * Builds the console's browser code into dist/web-client. Run it with this
 * folder as the root (`vite build src/web/client`), so the paths below are
 * relative to it. The server reads `.vite/manifest.json` to find the hashed
 * files (see src/web/client-assets.ts), so no page needs inline script.
 */
import preact from "@preact/preset-vite";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [preact()],
  // Built files are served under /assets/ (this base plus assetsDir).
  base: "/",
  publicDir: false,
  logLevel: "warn",
  build: {
    outDir: "../../../dist/web-client",
    // The output folder is outside the root, so Vite empties it only when
    // asked. Emptying drops files of older builds that no page uses.
    emptyOutDir: true,
    assetsDir: "assets",
    manifest: true,
    // A browser that ignores <link rel="modulepreload"> still loads every
    // module through its imports, so the polyfill would only add code.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      input: "main.ts",
    },
  },
});
