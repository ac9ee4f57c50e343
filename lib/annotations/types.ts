// Shared shapes of an annotation, as stored and as exported. The database model is in
// prisma/schema.prisma (Annotation); these are the plain objects the rest of lib/ passes around.

import type { AnnotationSelector } from "@/lib/anchoring/types";
import type { Visibility } from "@/lib/generated/prisma/enums";

export type { Visibility };

/** An annotation as the export formats and the API see it (only ones the viewer may read). */
export interface AnnotationRecord {
  id: string;
  documentSlug: string;
  documentTitle: string;
  author: { id: string; name: string | null };
  visibility: Visibility;
  course: { id: string; title: string } | null;
  group: { id: string; name: string } | null;
  selector: AnnotationSelector;
  /** True when re-anchoring after a revision of the document could not place it. */
  orphaned: boolean;
  /** The Tiptap document, validated (see lib/richtext/body.ts). */
  body: unknown;
  /** Sanitized HTML rendered on the server from `body`; the only HTML ever shown. */
  bodyHtml: string;
  /** Plain text of the body, for search, CSV and Markdown. */
  bodyText: string;
  tags: string[];
  createdAt: Date;
  updatedAt: Date;
  /** A discussion of the whole document (no passage) rather than of a selection. */
  documentLevel?: boolean;
  /** Endorsed by one of the course's instructors. */
  endorsed?: boolean;
  /** Who speaks in each turn the passage covers (exports name them; null: no speaker). */
  speakers?: TurnSpeaker[];
  /** The discussion under the note, oldest first, as readable as the note itself (exports). */
  replies?: ReplyRecord[];
}

export interface TurnSpeaker {
  turnAnchor: number;
  speaker: string | null;
}

/** A reply as the exports see it. A deleted reply keeps its place (its answers stay) but no words. */
export interface ReplyRecord {
  id: string;
  parentId: string | null;
  author: { id: string; name: string | null };
  /** The Tiptap document; null once deleted. */
  body: unknown;
  bodyHtml: string;
  bodyText: string;
  deleted: boolean;
  endorsed: boolean;
  createdAt: Date;
}

/** The document an export is about, as a reader would cite it. */
export interface ExportDocumentInfo {
  slug: string;
  title: string;
  citation: string | null;
  /** The edition the notes were made on: the archive or publication that printed the text. */
  archive?: string | null;
}
