import { serializeContent } from "./content-format";
import { parseSource } from "./index";
import type { ParsedSource } from "./types";

// Archive source -> content file: what `npm run import` writes to content/<slug>.md.

/** The content file a parsed source belongs in, relative to content/. */
export function contentFileName(parsed: Pick<ParsedSource, "slug">): string {
  return `${parsed.slug}.md`;
}

export function convertToContent(
  text: string,
  fileName: string,
): { fileName: string; content: string; parsed: ParsedSource } {
  const parsed = parseSource(text, fileName);
  return { fileName: contentFileName(parsed), content: serializeContent(parsed), parsed };
}
