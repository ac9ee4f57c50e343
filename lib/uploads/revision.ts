import { diffArrays, diffWords } from "diff";

// What a corrected upload changes in a published document, turn by turn (jsdiff's array diff over
// the turns' texts): turns added, removed, and edited (a removed turn replaced in the same place
// by an added one, shown word by word).

export type TurnChange =
  | { type: "added"; after: string; at: number }
  | { type: "removed"; before: string }
  | { type: "edited"; before: string; after: string; at: number; words: WordPart[] };

export interface WordPart {
  text: string;
  added?: boolean;
  removed?: boolean;
}

export interface RevisionDiff {
  added: number;
  removed: number;
  edited: number;
  unchanged: number;
  changes: TurnChange[];
}

export function diffTurns(before: readonly string[], after: readonly string[]): RevisionDiff {
  const result: RevisionDiff = { added: 0, removed: 0, edited: 0, unchanged: 0, changes: [] };
  let at = 0;
  const parts = diffArrays([...before], [...after]);
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index]!;
    if (!part.added && !part.removed) {
      result.unchanged += part.value.length;
      at += part.value.length;
      continue;
    }
    if (part.removed) {
      const next = parts[index + 1];
      const replaced = next?.added ? next.value : [];
      if (next?.added) index++;
      const paired = Math.min(part.value.length, replaced.length);
      for (let k = 0; k < paired; k++) {
        result.edited++;
        result.changes.push({
          type: "edited",
          before: part.value[k]!,
          after: replaced[k]!,
          at: at + k,
          words: diffWords(part.value[k]!, replaced[k]!).map((word) => ({
            text: word.value,
            ...(word.added ? { added: true } : {}),
            ...(word.removed ? { removed: true } : {}),
          })),
        });
      }
      for (const text of part.value.slice(paired)) {
        result.removed++;
        result.changes.push({ type: "removed", before: text });
      }
      for (const [k, text] of replaced.slice(paired).entries()) {
        result.added++;
        result.changes.push({ type: "added", after: text, at: at + paired + k });
      }
      at += replaced.length;
      continue;
    }
    for (const [k, text] of part.value.entries()) {
      result.added++;
      result.changes.push({ type: "added", after: text, at: at + k });
    }
    at += part.value.length;
  }
  return result;
}
