/**
 * Parses CSV text strictly as RFC 4180 describes it, for the CSV tests:
 * quoted fields with doubled quotes and CRLF row ends. It throws on
 * anything else, so a test that reads malformed output fails.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;

  while (i < text.length) {
    let field = "";
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) {
          throw new Error("unterminated quoted field");
        }
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += text[i];
        i++;
      }
    } else {
      while (i < text.length && !",\r\n".includes(text[i]!)) {
        if (text[i] === '"') {
          throw new Error(`quote inside unquoted field at ${i}`);
        }
        field += text[i];
        i++;
      }
    }

    row.push(field);
    if (text[i] === ",") {
      i++;
    } else if (text.startsWith("\r\n", i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else {
      throw new Error(`expected a comma or CRLF at ${i}`);
    }
  }

  if (row.length > 0) {
    throw new Error("last row does not end in CRLF");
  }

  return rows;
}
