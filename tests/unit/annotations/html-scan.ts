// A small HTML tag and attribute scanner for checking sanitizer output. It reads the markup the
// way a browser's tokenizer starts to (a "<" followed by a letter opens a tag; "<!", "<?" and
// "</" + non-letter are markup declarations), so a check does not depend on substrings.

export interface ScannedTag {
  name: string;
  closing: boolean;
  attributes: { name: string; value: string }[];
}

export interface Scan {
  tags: ScannedTag[];
  /** Comments, doctypes, CDATA, processing instructions or unterminated tags. */
  declarations: string[];
  /** Text between tags, entities decoded. */
  text: string;
}

const NAMED: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  colon: ":",
  tab: "\t",
  newline: "\n",
};

export function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);?/gi, (entity, name: string) => {
    if (name.startsWith("#")) {
      const code = /^#x/i.test(name) ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code >= 0 && code <= 0x10ffff
        ? String.fromCodePoint(code)
        : entity;
    }
    return NAMED[name.toLowerCase()] ?? entity;
  });
}

const isSpace = (ch: string | undefined) => ch !== undefined && /[\t\n\f\r ]/.test(ch);

export function scanHtml(html: string): Scan {
  const tags: ScannedTag[] = [];
  const declarations: string[] = [];
  let text = "";
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf("<", i);
    if (lt === -1) {
      text += decodeEntities(html.slice(i));
      break;
    }
    text += decodeEntities(html.slice(i, lt));
    const next = html[lt + 1] ?? "";
    const closing = next === "/";
    const nameStart = closing ? lt + 2 : lt + 1;
    if (!/[a-z]/i.test(html[nameStart] ?? "")) {
      if (next === "!" || next === "?" || closing) {
        const end = html.indexOf(">", lt);
        declarations.push(html.slice(lt, end === -1 ? undefined : end + 1));
        i = end === -1 ? html.length : end + 1;
      } else {
        text += "<"; // a lone "<" is text to a browser too
        i = lt + 1;
      }
      continue;
    }
    let j = nameStart;
    while (j < html.length && !isSpace(html[j]) && html[j] !== "/" && html[j] !== ">") j++;
    const tag: ScannedTag = {
      name: html.slice(nameStart, j).toLowerCase(),
      closing,
      attributes: [],
    };
    // Attributes: name, then optionally = and a quoted or unquoted value.
    for (;;) {
      while (isSpace(html[j]) || html[j] === "/") j++;
      if (j >= html.length) {
        declarations.push(`unterminated <${tag.name}`);
        break;
      }
      if (html[j] === ">") {
        j++;
        break;
      }
      const attrStart = j;
      while (j < html.length && !isSpace(html[j]) && !"/>=".includes(html[j]!)) j++;
      if (j === attrStart) j++; // a stray "=" still moves the scan on
      const name = html.slice(attrStart, j).toLowerCase();
      let value = "";
      while (isSpace(html[j])) j++;
      if (html[j] === "=") {
        j++;
        while (isSpace(html[j])) j++;
        const quote = html[j];
        if (quote === '"' || quote === "'") {
          const end = html.indexOf(quote, j + 1);
          value = html.slice(j + 1, end === -1 ? html.length : end);
          j = end === -1 ? html.length : end + 1;
        } else {
          const start = j;
          while (j < html.length && !isSpace(html[j]) && html[j] !== ">") j++;
          value = html.slice(start, j);
        }
      }
      tag.attributes.push({ name, value: decodeEntities(value) });
    }
    tags.push(tag);
    i = j;
  }
  return { tags, declarations, text };
}

export const BODY_TAGS = new Set([
  "p",
  "br",
  "ul",
  "ol",
  "li",
  "blockquote",
  "strong",
  "em",
  "code",
  "s",
  "u",
  "a",
]);
const BODY_ATTRIBUTES: Record<string, Set<string>> = {
  a: new Set(["href", "rel", "target"]),
  ol: new Set(["start"]),
};

/** What browsers ignore inside a URL before reading its scheme. */
const stripUrlNoise = (url: string) =>
  url.replace(/[\u0000-\u0020\u007f-\u00a0\u200b-\u200f\u2028\u2029\ufeff]/g, "");

/**
 * Every way `html` breaks the body allow-list: a disallowed tag, an attribute not allowed on its
 * tag (event handlers and style included), an unsafe link, a comment or declaration.
 */
export function bodyHtmlViolations(html: string): string[] {
  const scan = scanHtml(html);
  const problems = scan.declarations.map((d) => `declaration ${JSON.stringify(d)}`);
  for (const tag of scan.tags) {
    if (!BODY_TAGS.has(tag.name)) problems.push(`tag <${tag.name}>`);
    for (const { name, value } of tag.attributes) {
      if (/^on/i.test(name)) problems.push(`event handler ${name} on <${tag.name}>`);
      if (name === "style") problems.push(`style attribute on <${tag.name}>`);
      if (!BODY_ATTRIBUTES[tag.name]?.has(name))
        problems.push(`attribute ${name} on <${tag.name}>`);
      if (name === "href" && !/^(https?:\/\/|mailto:)/i.test(stripUrlNoise(value)))
        problems.push(`href ${JSON.stringify(value)}`);
      if (/(javascript|vbscript|data):/i.test(stripUrlNoise(value)) && name !== "title")
        problems.push(`script URL in ${name}=${JSON.stringify(value)}`);
      if (tag.name === "ol" && name === "start" && !/^[1-9][0-9]*$/.test(value))
        problems.push(`ol start=${JSON.stringify(value)}`);
      if (tag.name === "a" && name === "target" && value !== "_blank")
        problems.push(`a target=${value}`);
    }
    if (tag.name === "a" && !tag.closing && tag.attributes.some((a) => a.name === "href")) {
      const rel = tag.attributes.find((a) => a.name === "rel")?.value;
      if (rel !== "noopener noreferrer nofollow") problems.push(`a rel=${JSON.stringify(rel)}`);
    }
  }
  return problems;
}
