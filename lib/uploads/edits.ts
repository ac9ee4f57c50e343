import { z } from "zod";
import type { ParsedDocument, ParsedTurn, Participant } from "@/lib/importer";

// The reviewer's corrections to the importer's reading, applied to the parsed document before it
// is written back as a content file (which the importer then reads again, so every value is
// checked by the content format's own rules). Pure.

const turnIndex = z.number().int().min(0);
const shortText = (max: number) => z.string().trim().max(max);
const optionalField = (max: number) => shortText(max).optional();

export const METADATA_FIELDS = [
  "title",
  "date",
  "time",
  "place",
  "archive",
  "archiveUrl",
  "citation",
  "summary",
  "translator",
  "classification",
] as const;

export const draftEditSchema = z.discriminatedUnion("op", [
  /** Who says this turn: a participant id, or null for narrative without a speaker. */
  z.object({ op: z.literal("speaker"), turn: turnIndex, speaker: z.string().max(80).nullable() }),
  /** What this turn is: narrative (paragraph), speech, heading, footnote (note), header... */
  z.object({
    op: z.literal("kind"),
    turn: turnIndex,
    kind: z.enum(["speech", "paragraph", "heading", "header", "note", "attachment"]),
  }),
  /** Join a turn with the next one. */
  z.object({ op: z.literal("merge"), turn: turnIndex }),
  /** Cut a turn in two at a character offset. */
  z.object({ op: z.literal("split"), turn: turnIndex, at: z.number().int().min(1) }),
  z.object({ op: z.literal("text"), turn: turnIndex, text: shortText(100_000).min(1) }),
  z.object({
    op: z.literal("addParticipant"),
    name: shortText(200).min(1),
    label: optionalField(80),
    role: optionalField(300),
  }),
  z.object({
    op: z.literal("metadata"),
    title: optionalField(500),
    date: optionalField(20),
    time: optionalField(100),
    place: optionalField(300),
    archive: optionalField(300),
    archiveUrl: optionalField(2000),
    citation: optionalField(5000),
    summary: optionalField(5000),
    translator: optionalField(300),
    classification: optionalField(300),
  }),
]);
export type DraftEdit = z.infer<typeof draftEditSchema>;
export const draftEditsSchema = z.object({ edits: z.array(draftEditSchema).min(1).max(200) });

export class EditError extends Error {}

/** A participant id from a name: lowercase ASCII words joined by hyphens, unique in the list. */
export function participantId(name: string, taken: readonly Participant[]): string {
  const base =
    name
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 40) || "speaker";
  let id = base;
  for (let n = 2; taken.some((participant) => participant.id === id); n++) id = `${base}-${n}`;
  return id;
}

function turnAt(doc: ParsedDocument, index: number): ParsedTurn {
  const turn = doc.turns[index];
  if (!turn) throw new EditError(`There is no turn ${index + 1}.`);
  return turn;
}

/** Only speech and paragraphs carry speakers; a turn given one becomes speech. */
function withSpeaker(turn: ParsedTurn, speaker: string | null): ParsedTurn {
  const rest: ParsedTurn = { ...turn };
  delete rest.speaker;
  if (speaker === null) return { ...rest, kind: turn.kind === "speech" ? "paragraph" : turn.kind };
  return { ...rest, kind: turn.kind === "paragraph" ? "paragraph" : "speech", speaker };
}

export function applyEdit(doc: ParsedDocument, edit: DraftEdit): ParsedDocument {
  const turns = [...doc.turns];
  switch (edit.op) {
    case "speaker": {
      const turn = turnAt(doc, edit.turn);
      if (edit.speaker !== null && !doc.participants.some((p) => p.id === edit.speaker))
        throw new EditError(`“${edit.speaker}” is not a participant: add them first.`);
      if (edit.speaker !== null && !["speech", "paragraph"].includes(turn.kind))
        throw new EditError(
          `Turn ${edit.turn + 1} is a ${turn.kind}: make it speech or narrative first.`,
        );
      turns[edit.turn] = withSpeaker(turn, edit.speaker);
      return { ...doc, turns };
    }
    case "kind": {
      const turn = turnAt(doc, edit.turn);
      const keepsSpeaker = edit.kind === "speech" || edit.kind === "paragraph";
      const { speaker, ...rest } = turn;
      if (edit.kind === "speech" && !speaker)
        throw new EditError(`Give turn ${edit.turn + 1} a speaker to make it speech.`);
      turns[edit.turn] =
        keepsSpeaker && speaker
          ? { ...rest, speaker, kind: edit.kind }
          : { ...rest, kind: edit.kind };
      return { ...doc, turns };
    }
    case "merge": {
      const turn = turnAt(doc, edit.turn);
      const next = turnAt(doc, edit.turn + 1);
      turns.splice(edit.turn, 2, { ...turn, text: `${turn.text} ${next.text}` });
      return { ...doc, turns };
    }
    case "split": {
      const turn = turnAt(doc, edit.turn);
      const first = turn.text.slice(0, edit.at).trim();
      const second = turn.text.slice(edit.at).trim();
      if (!first || !second)
        throw new EditError(`Split turn ${edit.turn + 1} inside its text, not at an end.`);
      // The label (a footnote or paragraph number) stays with the first half.
      const rest: ParsedTurn = { ...turn, text: second };
      delete rest.label;
      turns.splice(edit.turn, 1, { ...turn, text: first }, rest);
      return { ...doc, turns };
    }
    case "text": {
      turns[edit.turn] = { ...turnAt(doc, edit.turn), text: edit.text };
      return { ...doc, turns };
    }
    case "addParticipant": {
      const participant: Participant = {
        id: participantId(edit.name, doc.participants),
        name: edit.name,
        ...(edit.label ? { label: edit.label } : {}),
        ...(edit.role ? { role: edit.role } : {}),
      };
      return { ...doc, participants: [...doc.participants, participant] };
    }
    case "metadata": {
      const next: ParsedDocument = { ...doc };
      for (const field of METADATA_FIELDS) {
        const value = (edit as Record<string, string | undefined>)[field];
        if (value === undefined) continue;
        if (field === "title") {
          if (!value) throw new EditError("A document needs a title.");
          next.title = value;
        } else if (value === "") delete next[field];
        else next[field] = value;
      }
      return next;
    }
  }
}

export function applyEdits(doc: ParsedDocument, edits: readonly DraftEdit[]): ParsedDocument {
  return edits.reduce(applyEdit, doc);
}
