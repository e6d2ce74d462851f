/**
 * A small glob matcher for `--include` and `--exclude`. Patterns are matched
 * against paths relative to the folder given, with `/` separators:
 *
 * - `*` matches any characters except `/`; `?` matches one such character;
 * - `**` as a whole segment matches any number of segments, none included;
 * - `[abc]`, `[a-z]` and `[!abc]` match one character of a set;
 * - `{sql,prc}` matches any of the comma-separated alternatives;
 * - a pattern without `/` matches the base name at any depth, so `*.bak`
 *   excludes backups everywhere, as in `.gitignore`.
 *
 * Matching ignores case, because Windows file systems do.
 */

export interface GlobMatcher {
  readonly pattern: string;
  matches(relativePath: string): boolean;
}

export type CompileGlobResult =
  | { readonly ok: true; readonly matcher: GlobMatcher }
  | { readonly ok: false; readonly error: string };

/** Compiles one pattern; returns an error that quotes a malformed one. */
export function compileGlob(pattern: string): CompileGlobResult {
  const normalised = pattern.replaceAll("\\", "/").replace(/^\.\//, "");
  if (normalised === "" || normalised === "/") {
    return { ok: false, error: `invalid pattern '${pattern}': it is empty` };
  }

  const anchored = normalised.includes("/");
  const body = normalised.replace(/^\//, "").replace(/\/$/, "");
  let source: string;
  try {
    source = translate(body);
    new RegExp(source);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      error: `invalid pattern '${pattern}': ${reason}; check brackets and braces`,
    };
  }

  const expression = new RegExp(`^${source}$`, "i");
  return {
    ok: true,
    matcher: {
      pattern,
      matches(relativePath: string): boolean {
        if (anchored) {
          return expression.test(relativePath);
        }
        const slash = relativePath.lastIndexOf("/");
        return expression.test(relativePath.slice(slash + 1));
      },
    },
  };
}

/** Turns a glob into the source of a regular expression. */
function translate(glob: string): string {
  const segments = glob.split("/");
  const parts: string[] = [];

  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    const last = i === segments.length - 1;
    if (segment === "**") {
      // Any number of whole segments, each followed by a separator unless
      // the pattern ends here.
      parts.push(last ? ".*" : "(?:[^/]*/)*");
      continue;
    }
    parts.push(translateSegment(segment) + (last ? "" : "/"));
  }

  return parts.join("");
}

function translateSegment(segment: string): string {
  let out = "";
  let braces = 0;

  for (let i = 0; i < segment.length; i++) {
    const c = segment[i]!;
    if (c === "*") {
      out += "[^/]*";
    } else if (c === "?") {
      out += "[^/]";
    } else if (c === "[") {
      const end = segment.indexOf("]", i + 2);
      if (end < 0) {
        throw new Error("'[' without a closing ']'");
      }
      let set = segment.slice(i + 1, end);
      const negated = set.startsWith("!") || set.startsWith("^");
      if (negated) {
        set = set.slice(1);
      }
      out += `[${negated ? "^/" : ""}${set.replace(/[\\\]^]/g, "\\$&")}]`;
      i = end;
    } else if (c === "{") {
      braces++;
      out += "(?:";
    } else if (c === "}" && braces > 0) {
      braces--;
      out += ")";
    } else if (c === "," && braces > 0) {
      out += "|";
    } else {
      out += c.replace(/[.+^$()|\\{}\]]/g, "\\$&");
    }
  }

  if (braces > 0) {
    throw new Error("'{' without a closing '}'");
  }
  return out;
}
