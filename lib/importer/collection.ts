import { removeDebris } from "./debris";
import { ImportError } from "./errors";
import { withSlug } from "./slug";
import type { Block } from "./text";
import { blockText, parseDateLine, toBlocks, toLines } from "./text";
import type { CollectionEntry, ParsedCollection } from "./types";

// An archive's collection page: a title, a description, then dated entries, each a bullet with the
// date, the document's title and the archive's summary of it.

/** "• May 06, 1946" -> "1946-05-06"; undefined for any other block. */
function entryDate(block: Block): string | undefined {
  if (block.lines.length !== 1) return undefined;
  const bullet = /^\s*[•*-]\s+(.+)$/.exec(block.lines[0]!)?.[1];
  return bullet ? parseDateLine(bullet) : undefined;
}

export function parseCollection(text: string, file: string): ParsedCollection {
  const debris = removeDebris(toLines(text));
  const blocks = toBlocks(debris.lines);
  const firstEntry = blocks.findIndex((block) => entryDate(block) !== undefined);
  if (firstEntry < 0) throw new ImportError(file, 1, "no dated entries found in the collection");
  const intro = blocks.slice(0, firstEntry).map(blockText);
  const title = intro[0];
  if (!title)
    throw new ImportError(
      file,
      blocks[firstEntry]!.line,
      "no collection title before the first entry",
    );

  const entries: CollectionEntry[] = [];
  let current: { entry: CollectionEntry; summary: string[]; line: number } | undefined;
  const finish = () => {
    if (!current) return;
    if (current.entry.title === "")
      throw new ImportError(file, current.line, `entry dated ${current.entry.date} has no title`);
    if (current.summary.length > 0) current.entry.summary = current.summary.join(" ");
    entries.push(current.entry);
  };
  for (const block of blocks.slice(firstEntry)) {
    const date = entryDate(block);
    if (date) {
      finish();
      current = { entry: { date, title: "" }, summary: [], line: block.line };
    } else if (current!.entry.title === "") {
      current!.entry.title = blockText(block);
    } else {
      current!.summary.push(blockText(block));
    }
  }
  finish();

  const collection: ParsedCollection = {
    type: "collection",
    slug: "",
    title,
    entries,
    dropped: debris.dropped,
  };
  if (intro.length > 1) collection.description = intro.slice(1).join(" ");
  if (debris.archive) collection.archive = debris.archive;
  return withSlug(collection);
}
