"use server";

import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/viewer";
import { getPrisma } from "@/lib/db";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import type { Outcome } from "@/lib/outcome";
import { setEndorsed, setLocked, setResolved, toggleVote } from "@/lib/threads/moderation";
import { createReply, deleteReply, markAllRead } from "@/lib/threads/service";

async function run<T>(
  path: string,
  work: (viewer: NonNullable<Awaited<ReturnType<typeof getViewer>>>) => Promise<Outcome<T>>,
): Promise<Outcome<T>> {
  const viewer = await getViewer();
  if (!viewer) return { ok: false, error: "Sign in to take part in the discussion." };
  try {
    const outcome = await work(viewer);
    if (outcome.ok) revalidatePath(path);
    return outcome;
  } catch (error) {
    if (error instanceof NotFoundError || error instanceof ForbiddenError)
      return { ok: false, error: error.message };
    console.error(error);
    return {
      ok: false,
      error:
        "Saving failed on the server. Your reply is kept in the editor; try again in a moment.",
    };
  }
}

export async function createReplyAction(
  slug: string,
  input: { annotationId: string; parentId?: string | null; body: unknown },
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
const target = (value: Target) =>
  "replyId" in value
    ? { replyId: String(value.replyId) }
    : { annotationId: String(value.annotationId) };

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
