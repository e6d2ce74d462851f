/**
 * Turns the `file` of a finding into a SARIF artifact location. A relative
 * path becomes a relative URI reference resolved against the `SRCROOT`
 * base, so code-scanning tools map it onto their checkout. An absolute path
 * becomes a `file:` URI. A module name read from a server
 * (`database.schema.name`) stays a relative reference.
 */

import { toWellFormedText } from "./text.js";

/** SARIF artifactLocation: `uri` plus `uriBaseId` when relative. */
export interface ArtifactLocation {
  readonly uri: string;
  readonly uriBaseId?: string;
}

export const SOURCE_ROOT_BASE_ID = "SRCROOT";

const WINDOWS_DRIVE = /^[A-Za-z]:\//;
const WINDOWS_UNC = /^\/\/[^/]+\//;

/** Returns the artifact location of a file path as the assessment stores it. */
export function artifactLocation(file: string): ArtifactLocation {
  // Backslashes are read as separators because Windows paths use them.
  const path = file.replace(/\\/g, "/");

  if (WINDOWS_DRIVE.test(path)) {
    const drive = path.slice(0, 2);
    return { uri: `file:///${drive}${encodeSegments(path.slice(2))}` };
  }

  if (WINDOWS_UNC.test(path)) {
    return { uri: `file:${encodeSegments(path)}` };
  }

  if (path.startsWith("/")) {
    return { uri: `file://${encodeSegments(path)}` };
  }

  return { uri: encodeSegments(path), uriBaseId: SOURCE_ROOT_BASE_ID };
}

/**
 * Percent-encodes each path segment and keeps the `/` separators. Colons
 * are encoded too, so a first segment such as `c:` never reads as a URI
 * scheme.
 */
function encodeSegments(path: string): string {
  // encodeURIComponent throws on a lone surrogate, so those go first.
  return toWellFormedText(path)
    .split("/")
    .map((segment) => encodeURIComponent(segment))
    .join("/");
}
