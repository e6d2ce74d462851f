/**
 * Splits a multipart name as SQL Server writes it in sys.synonyms
 * (`[server].[database].[schema].[object]`, with `]]` for a `]` inside
 * brackets), the way PARSENAME does: parts count from the right, and a
 * name of one part is the object.
 */

export interface MultipartName {
  readonly server: string | null;
  readonly database: string | null;
  readonly schema: string | null;
  readonly name: string;
}

/** Returns the parts, or undefined when `text` is not a valid name of one to four parts. */
export function splitMultipartName(text: string): MultipartName | undefined {
  const parts: string[] = [];
  let current = "";
  let i = 0;

  while (i <= text.length) {
    const c = text[i];
    if (c === "[" || c === '"') {
      const close = c === "[" ? "]" : '"';
      i++;
      while (i < text.length) {
        if (text[i] === close) {
          if (text[i + 1] === close) {
            current += close;
            i += 2;
            continue;
          }
          break;
        }
        current += text[i];
        i++;
      }
      if (i >= text.length) {
        return undefined;
      }
      i++;
      continue;
    }
    if (c === "." || c === undefined) {
      parts.push(current.trim());
      current = "";
      i++;
      continue;
    }
    current += c;
    i++;
  }

  if (parts.length > 4 || parts[parts.length - 1] === "") {
    return undefined;
  }
  const fromRight = (n: number): string | null => {
    const part = parts[parts.length - n];
    return part === undefined || part === "" ? null : part;
  };
  return { server: fromRight(4), database: fromRight(3), schema: fromRight(2), name: parts[parts.length - 1]! };
}
