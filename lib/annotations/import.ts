import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { anchorSelector } from "@/lib/anchoring";
import { canReadDocument, type Viewer } from "@/lib/auth/permissions";
import type { Outcome } from "@/lib/outcome";
import { parseBody } from "@/lib/richtext/body";
import { fromW3C } from "./export/w3c";
import { publishChange } from "@/lib/live/channel";
import { checkWriteRate } from "@/lib/auth/rate-limit";
import { acceptableTags } from "@/lib/validations/annotation";

// Importing W3C Web Annotation JSON-LD (ours or another tool's) into a document, as private notes
// of the importer: each is placed on the current text (position, quote, fuzzy), or kept as an
// orphan with its quote. Formatting comes back as paragraphs of text: the HTML of a foreign tool
// cannot be trusted to fit the editor's schema.

const MAX_IMPORT = 500;
const EARLIEST_PROVENANCE = Date.UTC(1900, 0, 1);
const DAY_MS = 86_400_000;

/** An imported `created` between 1900 and tomorrow, else none (it decides nothing either way). */
export function provenanceDate(created: string | undefined, now = Date.now()): Date | null {
  const time = created === undefined ? NaN : Date.parse(created);
  return Number.isFinite(time) && time >= EARLIEST_PROVENANCE && time <= now + DAY_MS
    ? new Date(time)
    : null;
}

function paragraphs(text: string) {
  const lines = text
    .split(/\n+/)
    .map((line) => line.trim())
    .filter(Boolean);
  return {
    type: "doc",
    content: lines.map((line) => ({ type: "paragraph", content: [{ type: "text", text: line }] })),
  };
}

export async function importW3C(
  prisma: PrismaClient,
  viewer: Viewer,
  documentSlug: string,
  json: unknown,
): Promise<
  Outcome<{ imported: number; orphaned: number; problems: { index: number; error: string }[] }>
> {
  const document = await prisma.document.findUnique({
    where: { slug: documentSlug },
    select: {
      id: true,
      courseId: true,
      turns: { select: { anchor: true, text: true }, orderBy: { position: "asc" } },
    },
  });
  if (!document || !canReadDocument(viewer, document))
    return { ok: false, error: "No document has that slug." };
  const parsed = fromW3C(json);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  if (parsed.items.length > MAX_IMPORT)
    return { ok: false, error: `Import at most ${MAX_IMPORT} annotations at a time.` };
  const tooFast = await checkWriteRate(prisma, "import", viewer.userId);
  if (tooFast) return tooFast;

  const problems: { index: number; error: string }[] = parsed.problems.map(({ index, error }) => ({
    index,
    error,
  }));
  const rows: Prisma.AnnotationCreateManyInput[] = [];
  let orphaned = 0;
  parsed.items.forEach((item, index) => {
    const body = parseBody(paragraphs(item.bodyText));
    if (!body.ok) return problems.push({ index, error: body.error });
    const placed = anchorSelector(item.selector, document.turns);
    const positions = placed.status === "anchored" ? placed.positions : item.selector.positions;
    if (placed.status === "orphan") orphaned++;
    rows.push({
      documentId: document.id,
      authorId: viewer.userId,
      visibility: "private",
      selector: { quote: item.selector.quote, positions } as unknown as Prisma.InputJsonValue,
      quote: item.selector.quote.exact,
      firstAnchor: positions[0]?.turnAnchor ?? 0,
      lastAnchor: positions[positions.length - 1]?.turnAnchor ?? 0,
      orphaned: placed.status === "orphan",
      body: body.doc as Prisma.InputJsonValue,
      bodyHtml: body.html,
      bodyText: body.text,
      tags: acceptableTags(item.tags),
      // The server's clock decides deadlines and "posted first": a file's `created` is kept only
      // as provenance, and only when it is a plausible date.
      originallyCreatedAt: provenanceDate(item.created),
    });
  });
  if (rows.length) {
    const created = await prisma.annotation.createManyAndReturn({
      data: rows,
      select: { id: true },
    });
    // Announced by one of the imported notes: only those who may read it (the importer) hear.
    await publishChange(prisma, {
      documentId: document.id,
      kind: "annotation",
      id: created[0]!.id,
    });
  }
  return { ok: true, value: { imported: rows.length, orphaned, problems } };
}
