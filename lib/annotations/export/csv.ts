import type { AnnotationRecord, ExportDocumentInfo, ReplyRecord, TurnSpeaker } from "../types";
import type { TurnPosition } from "@/lib/anchoring/types";
import { csvFile } from "@/lib/format/csv";
import { threadOrder } from "./thread";

// CSV export (RFC 4180) for spreadsheets: one row per annotation, each followed by its replies
// (kind "reply", in_reply_to naming the note or reply answered); lib/format/csv.ts writes the file.

export const CSV_COLUMNS = [
  "id",
  "kind",
  "in_reply_to",
  "document",
  "citation",
  "created",
  "modified",
  "author",
  "visibility",
  "course",
  "group",
  "turns",
  "speakers",
  "quote",
  "note",
  "tags",
  "endorsed",
  "orphaned",
] as const;

/** What a deleted reply's row says in place of its words (its answers keep their rows). */
export const DELETED_REPLY = "(reply deleted)";

/**
 * The turns a selection covers: "12" or "12–14". An en dash, because Excel turns "12-14" into
 * the date 14 December.
 */
export function turnRange(positions: readonly TurnPosition[]): string {
  const first = positions[0]?.turnAnchor;
  const last = positions[positions.length - 1]?.turnAnchor;
  if (first === undefined || last === undefined) return "";
  return first === last ? String(first) : `${first}\u2013${last}`;
}

/** The speakers of the turns, each once, in order: "Liao Chengzhi; Ishibashi Tanzan". */
export function speakerList(speakers: readonly TurnSpeaker[] | undefined): string {
  const names = (speakers ?? []).map((turn) => turn.speaker).filter((name) => name !== null);
  return [...new Set(names)].join("; ");
}

const yesNo = (value: boolean | undefined) => (value ? "yes" : "no");

function noteRow(record: AnnotationRecord, citation: string): string[] {
  return [
    record.id,
    "note",
    "",
    record.documentTitle,
    citation,
    record.createdAt.toISOString(),
    record.updatedAt.toISOString(),
    record.author.name ?? "",
    record.visibility,
    record.course?.title ?? "",
    record.group?.name ?? "",
    turnRange(record.selector.positions),
    speakerList(record.speakers),
    record.selector.quote.exact,
    record.bodyText,
    record.tags.join("; "),
    yesNo(record.endorsed),
    yesNo(record.orphaned),
  ];
}

/** A reply shares its note's document, audience and passage (and so those columns). */
function replyRow(record: AnnotationRecord, reply: ReplyRecord, citation: string): string[] {
  return [
    reply.id,
    "reply",
    reply.parentId ?? record.id,
    record.documentTitle,
    citation,
    reply.createdAt.toISOString(),
    reply.createdAt.toISOString(),
    reply.author.name ?? "",
    record.visibility,
    record.course?.title ?? "",
    record.group?.name ?? "",
    turnRange(record.selector.positions),
    speakerList(record.speakers),
    "",
    reply.deleted ? DELETED_REPLY : reply.bodyText,
    "",
    yesNo(reply.endorsed),
    yesNo(record.orphaned),
  ];
}

/**
 * The records as a CSV file's text, header first, in the order given, each note followed by its
 * replies in thread order. `documents` gives each document's citation.
 */
export function toCsv(
  records: readonly AnnotationRecord[],
  documents: readonly ExportDocumentInfo[] = [],
): string {
  const citations = new Map(documents.map((document) => [document.slug, document.citation]));
  const rows = records.flatMap((record) => {
    const citation = citations.get(record.documentSlug) ?? "";
    return [
      noteRow(record, citation),
      ...threadOrder(record.replies ?? []).map(({ reply }) => replyRow(record, reply, citation)),
    ];
  });
  return csvFile([[...CSV_COLUMNS], ...rows]);
}
