"use server";

import { runAsViewer } from "@/lib/http/run-as-viewer";
import type { Viewer } from "@/lib/auth/permissions";
import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/viewer";
import { getPrisma } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { Outcome } from "@/lib/outcome";
import { setEndorsed, setLocked, setResolved, toggleVote } from "@/lib/threads/moderation";
import { createReply, deleteReply, markAllRead } from "@/lib/threads/service";

const run = <T>(path: string, work: (viewer: Viewer) => Promise<Outcome<T>>) =>
  runAsViewer(path, work, { signedOut: "Sign in to take part in the discussion." });

export async function createReplyAction(
  slug: string,
  input: { annotationId: string; parentId?: string | null; body: unknown; clientId?: string },
) {
  return run(`/documents/${slug}`, (viewer) => createReply(getPrisma(), viewer, input));
}

export async function deleteReplyAction(slug: string, replyId: string): Promise<Outcome<null>> {
  return run(`/documents/${slug}`, async (viewer) => {
    await deleteReply(getPrisma(), viewer, String(replyId));
    return { ok: true, value: null };
  });
}

export async function markNotificationsReadAction(): Promise<void> {
  const viewer = await getViewer();
  if (!viewer) return;
  await markAllRead(getPrisma(), viewer);
  revalidatePath("/notifications");
}

type Target = { annotationId: string } | { replyId: string };
/** What is voted on or endorsed; anything else a client sends names nothing. */
const target = (value: unknown): Target => {
  const on = (value ?? {}) as Partial<Record<"annotationId" | "replyId", unknown>>;
  if (typeof on === "object" && typeof on.replyId === "string") return { replyId: on.replyId };
  if (typeof on === "object" && typeof on.annotationId === "string")
    return { annotationId: on.annotationId };
  throw new NotFoundError("That note or reply does not exist.");
};

export async function voteAction(slug: string, on: Target): Promise<Outcome<boolean>> {
  return run(`/documents/${slug}`, async (viewer) => ({
    ok: true,
    value: await toggleVote(getPrisma(), viewer, target(on)),
  }));
}

export async function endorseAction(
  slug: string,
  on: Target,
  endorsed: boolean,
): Promise<Outcome<null>> {
  return run(`/documents/${slug}`, async (viewer) => {
    await setEndorsed(getPrisma(), viewer, target(on), Boolean(endorsed));
    return { ok: true, value: null };
  });
}

export async function lockAction(
  slug: string,
  annotationId: string,
  locked: boolean,
): Promise<Outcome<null>> {
  return run(`/documents/${slug}`, async (viewer) => {
    await setLocked(getPrisma(), viewer, String(annotationId), Boolean(locked));
    return { ok: true, value: null };
  });
}

export async function resolveAction(
  slug: string,
  annotationId: string,
  resolved: boolean,
): Promise<Outcome<null>> {
  return run(`/documents/${slug}`, async (viewer) => {
    await setResolved(getPrisma(), viewer, String(annotationId), Boolean(resolved));
    return { ok: true, value: null };
  });
}
