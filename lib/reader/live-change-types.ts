import type { Span } from "@/lib/annotations/segments";
import type { PanelIndexEntry } from "./types";

/**
 * What a reader's event stream says changed (lib/reader/live-changes.ts builds it, for notes this
 * reader may read only): a note's index entry and highlights per turn anchor, to add or replace,
 * or the id of a note to take away. `card`: a note whose discussion changed (a reply).
 */
export type LiveChange =
  | {
      kind: "annotation" | "reply";
      upsert: { entry: PanelIndexEntry; spans: Record<string, Span[]> };
      card?: string;
    }
  | { kind: "annotation" | "reply"; remove: string };
