// Notes and replies being written, kept in the browser's localStorage so that a reload, a
// closed tab or a dead connection loses nothing. One entry per user, document and place (the
// selection, the whole document, the annotation being edited, the reply's parent). Pure
// functions over a Storage, so they are tested without a browser. Browser-only (lib/browser/):
// server code never imports this folder.

import type { TurnRange } from "@/lib/anchoring/types";

export type DraftTarget =
  | { kind: "new"; range: TurnRange; quote: string }
  | { kind: "document" }
  | { kind: "edit"; annotationId: string }
  | { kind: "reply"; annotationId: string; parentId: string | null };

export interface StoredDraft {
  target: DraftTarget;
  /** Tiptap JSON as the editor gave it. */
  body: unknown;
  tags?: string;
  audience?: string;
  /**
   * Chosen when Save is first pressed and sent with every attempt: the server stores the note
   * under this id, so a retry after an answer that never arrived cannot save it twice.
   */
  clientId?: string;
  /** Save was pressed and the server has not acknowledged it yet. */
  pending?: boolean;
  updatedAt: number;
}

const PREFIX = "memcon:draft:v1";

const targetPart = (target: DraftTarget): string => {
  switch (target.kind) {
    case "new": {
      const { start, end } = target.range;
      return `new:${start.turnAnchor}.${start.offset}-${end.turnAnchor}.${end.offset}`;
    }
    case "document":
      return "document";
    case "edit":
      return `edit:${target.annotationId}`;
    case "reply":
      return `reply:${target.annotationId}:${target.parentId ?? "root"}`;
  }
};

const scopePrefix = (userId: string, documentSlug: string) =>
  `${PREFIX}:${encodeURIComponent(userId)}:${encodeURIComponent(documentSlug)}:`;

export function draftKey(userId: string, documentSlug: string, target: DraftTarget): string {
  return scopePrefix(userId, documentSlug) + targetPart(target);
}

/** A note with no words in it is not worth keeping. */
export function hasText(body: unknown): boolean {
  if (typeof body !== "object" || body === null) return false;
  const node = body as { text?: unknown; content?: unknown };
  if (typeof node.text === "string" && node.text.trim() !== "") return true;
  return Array.isArray(node.content) && node.content.some(hasText);
}

export function readDraft(storage: Storage, key: string): StoredDraft | null {
  try {
    const value = JSON.parse(storage.getItem(key) ?? "null") as StoredDraft | null;
    // Anything else was written by another version or by hand: ignore it.
    return value && typeof value === "object" && value.target && typeof value.updatedAt === "number"
      ? value
      : null;
  } catch {
    return null;
  }
}

/** False when the browser refuses (storage full or disabled): the caller says so. */
export function writeDraft(storage: Storage, key: string, draft: StoredDraft): boolean {
  try {
    storage.setItem(key, JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

export function removeDraft(storage: Storage, key: string): void {
  try {
    storage.removeItem(key);
  } catch {
    // Storage disabled: nothing was kept either.
  }
}

/** This user's drafts on this document, the most recent first. */
export function listDrafts(storage: Storage, userId: string, documentSlug: string) {
  const prefix = scopePrefix(userId, documentSlug);
  const found: { key: string; draft: StoredDraft }[] = [];
  for (let index = 0; index < storage.length; index++) {
    const key = storage.key(index);
    if (!key?.startsWith(prefix)) continue;
    const draft = readDraft(storage, key);
    if (draft) found.push({ key, draft });
  }
  return found.sort((a, b) => b.draft.updatedAt - a.draft.updatedAt);
}

/** 32 lowercase hex characters: accepted by the create paths as the new record's id. */
export function newClientId(): string {
  return crypto.randomUUID().replace(/-/g, "");
}

/** Backoff between automatic retries: 5 s, 10 s, 20 s, ... at most a minute. */
export function retryDelay(attempt: number): number {
  return Math.min(5_000 * 2 ** Math.max(0, attempt), 60_000);
}
