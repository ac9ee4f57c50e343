import "server-only";
import type { LiveChange } from "./live-change-types";
import { postingGate, type PostingGate } from "@/lib/assignments/gate";
import { canReadAnnotation, type Viewer } from "@/lib/auth/permissions";
import { toPanelIndex } from "./panel";
import { toRef, type AnnotationIndexRow } from "@/lib/annotations/service";
import { rawRows } from "@/lib/db/raw";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { LiveEvent } from "@/lib/live/channel";

// Live refresh that follows changes, not documents. A change announced on the channel is read
// from the database once per server process (however many readers have the document open),
// and each reader's stream is then told, after a check in memory, exactly what changed for
// them: the note's index entry and highlights, or that a note they could read is gone. The
// browser patches its index and repaints the turns concerned; it reloads the whole index only
// after a lost connection. Before, every change made every reader's browser fetch the whole
// index again (about 36 ms of server CPU each on a large document) after a permission query
// per reader (bench/README.md).

/** What the database says of a changed note, as the reader's index reads it. */
interface ChangedNote extends AnnotationIndexRow {
  /** A deleted note that others answered stays in the reader as "annotation deleted". */
  kept: boolean;
}

export interface ChangeFacts {
  kind: LiveEvent["kind"];
  /** The note changed, or answered; null when it no longer exists (then nobody is told). */
  note: ChangedNote | null;
}

/** What one reader's browser is told (components/annotations/live-change.ts applies it). */
export type BrowserChange = LiveChange;

const facts = new WeakMap<LiveEvent, Promise<ChangeFacts>>();

/**
 * The facts of an announced change, read once per event object: the listener hands the same
 * object to every subscriber of the document (lib/live/listener.ts).
 */
export function changeFacts(prisma: PrismaClient, event: LiveEvent): Promise<ChangeFacts> {
  let known = facts.get(event);
  if (!known) {
    known = readFacts(prisma, event);
    facts.set(event, known);
  }
  return known;
}

async function readFacts(prisma: PrismaClient, event: LiveEvent): Promise<ChangeFacts> {
  const which =
    event.kind === "reply"
      ? Prisma.sql`a."id" = (SELECT r."annotationId" FROM "Reply" r WHERE r."id" = ${event.id})`
      : Prisma.sql`a."id" = ${event.id}`;
  const [note] = await rawRows<ChangedNote>(
    prisma,
    Prisma.sql`
    SELECT a."id", a."documentId", a."authorId", u."name" AS "authorName",
      a."visibility"::text AS "visibility", a."courseId", a."groupId",
      a."selector"->'positions' AS "positions", a."orphaned", a."tags", a."hiddenAt",
      a."deletedAt", a."scope"::text AS "scope",
      (a."deletedAt" IS NOT NULL AND EXISTS (SELECT 1 FROM "Reply" r
        WHERE r."annotationId" = a."id" AND r."deletedAt" IS NULL)) AS "kept"
    FROM "Annotation" a JOIN "User" u ON u."id" = a."authorId"
    WHERE ${which}`,
  );
  return {
    kind: event.kind,
    note: note && note.documentId === event.documentId ? note : null,
  };
}

/**
 * What this reader is told of a change, or null for nothing at all. A note they may read now
 * comes whole (as their index has it); a note they could read but that is now deleted or hidden
 * (or held back) is named to be removed; anything else (another's private note, another
 * course's, a group they are not in) is not mentioned, so neither its id nor the moment of the
 * change reaches them. The same rules as the reader's index (canReadAnnotation and the "post
 * first" gate); tests/integration/live-changes.test.ts holds them.
 */
export function changeFor(
  viewer: Viewer,
  gate: PostingGate,
  { kind, note }: ChangeFacts,
): BrowserChange | null {
  if (!note) return null;
  const heldBack = gate.hides(note);
  if (canReadAnnotation(viewer, toRef(note)) && !heldBack && (!note.deletedAt || note.kept)) {
    const { index, spansByTurn } = toPanelIndex([note], viewer);
    return {
      kind,
      upsert: { entry: index[0]!, spans: Object.fromEntries(spansByTurn) },
      ...(kind === "reply" ? { card: note.id } : {}),
    };
  }
  // Readable but for its deletion or hiding: the reader may have it on screen.
  if (canReadAnnotation(viewer, { ...toRef(note), hidden: false }) && !heldBack)
    return { kind, remove: note.id };
  return null;
}

/** How long a reader's "post first" gate is trusted before it is asked again. */
const GATE_TTL_MS = 10_000;

/**
 * A reader's gate on one document, asked again at most every GATE_TTL_MS: a stream lives for
 * hours, and an assignment may open (or the reader post) meanwhile.
 */
export function gateKeeper(prisma: PrismaClient, viewer: Viewer, documentId: string) {
  let held: { at: number; gate: Promise<PostingGate> } | undefined;
  return () => {
    const now = Date.now();
    if (!held || now - held.at > GATE_TTL_MS) {
      const gate = postingGate(prisma, viewer, [documentId]);
      held = { at: now, gate };
      gate.catch(() => {
        if (held?.gate === gate) held = undefined;
      });
    }
    return held.gate;
  };
}
