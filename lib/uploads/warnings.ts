import type { ParsedDocument } from "@/lib/importer";

// What the reviewer should look at before publishing: what the importer could not decide or
// left out. Pure, from the importer's reading alone.

export interface DraftWarning {
  message: string;
  /** The turn (0-based index in reading order) it is about, when it is about one. */
  turn?: number;
}

const spoken = (kind: string) => kind === "speech" || kind === "paragraph";

export function draftWarnings(doc: ParsedDocument): DraftWarning[] {
  const warnings: DraftWarning[] = [];
  if (!doc.date) warnings.push({ message: "No date was found: add it under Metadata." });
  if (doc.participants.length === 0)
    warnings.push({
      message: "No participants were found: add them, then give each turn its speaker.",
    });
  if (!doc.archive && !doc.archiveUrl && !doc.citation)
    warnings.push({ message: "No archive, source link or citation: say where the text is from." });
  if (doc.participants.length > 0)
    doc.turns.forEach((turn, index) => {
      if (spoken(turn.kind) && !turn.speaker && turn.text.length > 40)
        warnings.push({
          message: "Nobody is named as the speaker of this paragraph.",
          turn: index,
        });
    });
  doc.turns.forEach((turn, index) => {
    if (turn.text.includes("\uFFFD"))
      warnings.push({
        message: "Characters were lost here (shown as �): check them against the source.",
        turn: index,
      });
  });
  for (const line of doc.dropped)
    warnings.push({ message: `Left out line ${line.line} (${line.reason}): “${line.text}”` });
  return warnings;
}
