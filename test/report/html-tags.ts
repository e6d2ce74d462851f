/**
 * A small HTML tokenizer for the report tests. It finds every start tag
 * with its attributes the way a browser's tokenizer would for the markup
 * the report writes, so a test can check what is a tag and what is text.
 * It skips comments and the doctype and treats `<style>` content as raw
 * text; it throws on markup it does not understand.
 */

export interface Tag {
  readonly name: string;
  readonly attributes: ReadonlyMap<string, string>;
}

/** Returns the start tags of an HTML document, in order. */
export function startTags(html: string): Tag[] {
  const tags: Tag[] = [];
  let i = 0;

  while (i < html.length) {
    const open = html.indexOf("<", i);
    if (open === -1) {
      break;
    }

    if (html.startsWith("<!--", open)) {
      i = requiredIndex(html, "-->", open) + 3;
    } else if (html.startsWith("<!", open) || html.startsWith("</", open)) {
      i = requiredIndex(html, ">", open) + 1;
    } else if (/[A-Za-z]/.test(html[open + 1] ?? "")) {
      const [tag, end] = readStartTag(html, open + 1);
      tags.push(tag);
      i = end;
      if (tag.name === "style" || tag.name === "script") {
        i = requiredIndex(html, `</${tag.name}`, i);
      }
    } else {
      // A `<` that starts no tag is text to a browser.
      i = open + 1;
    }
  }

  return tags;
}

function readStartTag(html: string, start: number): [Tag, number] {
  let i = start;
  while (/[A-Za-z0-9-]/.test(html[i] ?? "")) {
    i++;
  }

  const name = html.slice(start, i).toLowerCase();
  const attributes = new Map<string, string>();

  for (;;) {
    while (/\s/.test(html[i] ?? "")) {
      i++;
    }

    if (html[i] === ">") {
      return [{ name, attributes }, i + 1];
    }
    if (html.startsWith("/>", i)) {
      return [{ name, attributes }, i + 2];
    }
    if (i >= html.length) {
      throw new Error(`unterminated <${name}> tag`);
    }

    const nameStart = i;
    while (i < html.length && !/[\s=>/]/.test(html[i]!)) {
      i++;
    }
    const attribute = html.slice(nameStart, i).toLowerCase();

    let value = "";
    if (html[i] === "=") {
      i++;
      const quote = html[i];
      if (quote === '"' || quote === "'") {
        const close = requiredIndex(html, quote, i + 1);
        value = html.slice(i + 1, close);
        i = close + 1;
      } else {
        const valueStart = i;
        while (i < html.length && !/[\s>]/.test(html[i]!)) {
          i++;
        }
        value = html.slice(valueStart, i);
      }
    }

    attributes.set(attribute, decodeEntities(value));
  }
}

function requiredIndex(html: string, search: string, from: number): number {
  const index = html.indexOf(search, from);
  if (index === -1) {
    throw new Error(`expected ${JSON.stringify(search)} after offset ${from}`);
  }
  return index;
}

/** Decodes the entities the report writes, as a browser would in a value. */
export function decodeEntities(text: string): string {
  return text.replace(
    /&(#\d+|#x[0-9a-f]+|[a-z]+);/gi,
    (entity, body: string) => {
      if (body.startsWith("#x") || body.startsWith("#X")) {
        return String.fromCodePoint(parseInt(body.slice(2), 16));
      }
      if (body.startsWith("#")) {
        return String.fromCodePoint(parseInt(body.slice(1), 10));
      }
      const named: Record<string, string> = {
        amp: "&",
        lt: "<",
        gt: ">",
        quot: '"',
        apos: "'",
      };
      return named[body.toLowerCase()] ?? entity;
    },
  );
}
