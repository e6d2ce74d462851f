/**
 * Entity and character references in XML text and attribute values: the
 * five predefined entities and `&#N;` / `&#xH;` (XML 1.0 sections 4.1 and
 * 4.6). Captures use no other entities, and a document that declares its
 * own is rejected before any reference is read.
 */

const PREDEFINED: Readonly<Record<string, string>> = {
  lt: "<",
  gt: ">",
  amp: "&",
  quot: '"',
  apos: "'",
};

/** Maximum length of a reference after `&`: `#x10FFFF;` has 9 characters. */
const MAX_REFERENCE = 10;

/**
 * Returns `raw` with its references replaced. `fail` is called with the
 * offset in `raw` and the problem, and must throw. `literal` transforms
 * the text between references, and never the characters they stand for.
 */
export function decodeReferences(
  raw: string,
  fail: (offset: number, problem: string) => never,
  literal: (text: string) => string = (text) => text,
): string {
  if (!raw.includes("&")) {
    return literal(raw);
  }

  let out = "";
  let from = 0;
  for (let amp = raw.indexOf("&"); amp >= 0; amp = raw.indexOf("&", from)) {
    const semi = raw.indexOf(";", amp);
    const body = semi < 0 ? "" : raw.slice(amp + 1, semi);
    if (semi < 0 || semi - amp > MAX_REFERENCE + 1) {
      fail(amp, "'&' that starts no reference");
    }
    out += literal(raw.slice(from, amp)) + referenceValue(body, (problem) => fail(amp, problem));
    from = semi + 1;
  }
  return out + literal(raw.slice(from));
}

/**
 * Returns whether the text from `amp` on could still become a reference when more
 * input arrives: `&`, `&am`, `&#x3` and the like, with no `;` yet.
 */
export function hasPartialReference(raw: string, amp: number): boolean {
  const tail = raw.slice(amp + 1);
  return tail.length < MAX_REFERENCE && /^(#x?[0-9A-Fa-f]*|[A-Za-z]*)$/.test(tail);
}

function referenceValue(body: string, fail: (problem: string) => never): string {
  const named = PREDEFINED[body];
  if (named !== undefined) {
    return named;
  }

  const match = /^#(?:x([0-9A-Fa-f]+)|([0-9]+))$/.exec(body);
  if (match === null) {
    fail(`unknown entity '&${body};'`);
  }
  const code = match[1] !== undefined ? parseInt(match[1], 16) : parseInt(match[2]!, 10);
  // NUL and lone surrogates are rejected. Other C0 controls are accepted,
  // though XML 1.0 leaves them out, because SQL text can contain them.
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
    fail(`character reference '&${body};' to no valid character`);
  }
  return String.fromCodePoint(code);
}
