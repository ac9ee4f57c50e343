import type { TurnRange } from "@/lib/anchoring/types";
import type { Span } from "@/lib/annotations/segments";
import type { Visibility } from "@/lib/annotations/types";

/**
 * What the reader page hands the panel for every note the viewer may read: enough to filter,
 * count and find the notes of the turns in view. The panel loads the cards it shows
 * (`GET /api/documents/<slug>/cards`).
 */
export interface PanelIndexEntry {
  id: string;
  authorName: string;
  mine: boolean;
  visibility: Visibility;
  tags: string[];
  /** Turn anchors the annotation covers, in reading order. */
  anchors: number[];
  orphaned: boolean;
  documentLevel: boolean;
}

/** A note's card in the panel (already filtered by permissions). */
export interface PanelAnnotation {
  id: string;
  authorName: string;
  mine: boolean;
  visibility: Visibility;
  courseId: string | null;
  courseTitle: string | null;
  groupId: string | null;
  groupName: string | null;
  /** The Tiptap JSON, for editing: only on the viewer's own notes (`mine`), else null. */
  body: unknown;
  bodyHtml: string;
  /** A private highlight with no note (W3C motivation "highlighting"). */
  highlight: boolean;
  tags: string[];
  quote: string;
  /** Turn anchors the annotation covers, in reading order. */
  anchors: number[];
  orphaned: boolean;
  hidden: boolean;
  canHide: boolean;
  version: number;
  createdAt: string;
  /** When a file it was imported from says it was written (provenance, decides nothing). */
  originallyCreatedAt: string | null;
  /** The discussion under this annotation, oldest first. */
  replies: PanelReply[];
  votes: number;
  voted: boolean;
  canVote: boolean;
  endorsed: boolean;
  locked: boolean;
  resolved: boolean;
  /** Endorse and lock: the course's instructors. */
  canModerate: boolean;
  canResolve: boolean;
  /** A discussion of the whole document rather than a passage. */
  documentLevel: boolean;
  /** Deleted by its author but kept for its replies: shown as "annotation deleted". */
  deleted: boolean;
}

export interface PanelReply {
  id: string;
  parentId: string | null;
  authorName: string;
  mine: boolean;
  /** Sanitized on the server; empty for a deleted reply. */
  bodyHtml: string;
  deleted: boolean;
  createdAt: string;
  votes: number;
  voted: boolean;
  canVote: boolean;
  endorsed: boolean;
}

export interface Audience {
  courses: { id: string; title: string }[];
  groups: { id: string; name: string; courseTitle: string }[];
}

/** What the panel's editor is open on: a new note on a selection, the whole document, or an edit. */
export type Draft =
  | { mode: "new"; range: TurnRange; quote: string }
  | { mode: "document" }
  | { mode: "edit"; annotation: PanelAnnotation };

/** `GET /api/documents/<slug>/index`: every readable note's index entry and the highlights. */
export interface IndexAnswer {
  index: PanelIndexEntry[];
  /** Highlight spans by turn anchor. */
  spans: Record<string, Span[]>;
}

/** `GET /api/documents/<slug>/cards?ids=`: the cards of those notes the caller may read. */
export interface CardsAnswer {
  cards: PanelAnnotation[];
}

/** Every API error: `{ error: { status, message } }` (lib/http/respond.ts). */
export interface ErrorAnswer {
  error: { status: number; message: string };
}
