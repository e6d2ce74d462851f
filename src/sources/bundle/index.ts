/** Bundles: collected items in an encrypted file, from `infio collect`. */

export { BundleError, type BundleErrorCode, type BundleHeader } from "./format.js";
export { openBundle, readBundle, readBundleItems, unwrapBundleKey, type OpenedBundle } from "./read-bundle.js";
export { writeBundle, type BundleCounts, type WriteBundleOptions } from "./write-bundle.js";
