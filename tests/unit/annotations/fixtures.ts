import { parseBody } from "@/lib/richtext/body";
import type { AnnotationRecord, ReplyRecord } from "@/lib/annotations/types";

// Annotation records for the export tests, built through parseBody so body, HTML and text agree.

export const text = (t: string, marks?: unknown[]) => ({
  type: "text",
  text: t,
  ...(marks ? { marks } : {}),
});
export const para = (...content: unknown[]) => ({ type: "paragraph", content });
export const doc = (...content: unknown[]) => ({ type: "doc", content });
export const item = (...content: unknown[]) => ({ type: "listItem", content });
export const bullets = (...items: unknown[]) => ({ type: "bulletList", content: items });
export const numbered = (start: number | undefined, ...items: unknown[]) => ({
  type: "orderedList",
  ...(start === undefined ? {} : { attrs: { start } }),
  content: items,
});
export const quote = (...content: unknown[]) => ({ type: "blockquote", content });
export const hardBreak = { type: "hardBreak" };
export const link = (href: string) => ({ type: "link", attrs: { href } });
export const bold = { type: "bold" };
export const italic = { type: "italic" };
export const code = { type: "code" };

let counter = 0;

export function record(
  overrides: Partial<AnnotationRecord> & { note?: unknown } = {},
): AnnotationRecord {
  const { note, ...rest } = overrides;
  const body = parseBody(note ?? doc(para(text("A note on the passage."))));
  if (!body.ok) throw new Error(`fixture body: ${body.error}`);
  counter += 1;
  return {
    id: `ann${counter}`,
    documentSlug: "frus-1961-berlin",
    documentTitle: "Memorandum of Conversation, Vienna, June 3, 1961",
    author: { id: "user1", name: "Ada Lovelace" },
    visibility: "public",
    course: null,
    group: null,
    selector: {
      quote: { exact: "the question of Berlin", prefix: "We discussed ", suffix: " at length." },
      positions: [{ turnAnchor: 12, start: 13, end: 35 }],
    },
    orphaned: false,
    body: body.doc,
    bodyHtml: body.html,
    bodyText: body.text,
    tags: [],
    createdAt: new Date("2024-05-03T10:15:00.000Z"),
    updatedAt: new Date("2024-05-04T08:00:00.000Z"),
    ...rest,
  };
}

/** A reply for the export tests: by "Ben", at noon UTC on `at`, its body built by parseBody. */
export function reply({
  id,
  parentId,
  text: words,
  at,
  deleted = false,
  endorsed = false,
  author = { id: "u-ben", name: "Ben" },
}: {
  id: string;
  parentId: string | null;
  text: string;
  at: string;
  deleted?: boolean;
  endorsed?: boolean;
  author?: { id: string; name: string | null };
}): ReplyRecord {
  const body = deleted ? null : parseBody(doc(para(text(words))));
  if (body && !body.ok) throw new Error(`fixture reply: ${body.error}`);
  return {
    id,
    parentId,
    author,
    body: body?.doc ?? null,
    bodyHtml: body?.html ?? "",
    bodyText: body?.text ?? "",
    deleted,
    endorsed,
    createdAt: new Date(`${at}T12:00:00.000Z`),
  };
}
