"use client";

import { useRouter } from "next/navigation";
import { endorseAction, lockAction, resolveAction, voteAction } from "@/app/actions/threads";
import type { Outcome } from "@/lib/outcome";

type Target = { annotationId: string } | { replyId: string };

/** Run a thread action and show the new state (the live stream updates the others). */
function useAct() {
  const router = useRouter();
  return async (action: () => Promise<Outcome<unknown>>) => {
    const outcome = await action();
    if (!outcome.ok) window.alert(outcome.error);
    router.refresh();
  };
}

export function HelpfulButton({
  documentSlug,
  target,
  votes,
  voted,
  canVote,
}: {
  documentSlug: string;
  target: Target;
  votes: number;
  voted: boolean;
  canVote: boolean;
}) {
  const act = useAct();
  const label = `Helpful${votes ? ` (${votes})` : ""}`;
  if (!canVote) return votes ? <span className="meta">{label}</span> : null;
  return (
    <button
      type="button"
      className="link-button"
      aria-pressed={voted}
      onClick={() => act(() => voteAction(documentSlug, target))}
    >
      {voted ? `✓ ${label}` : label}
    </button>
  );
}

export function EndorseButton({
  documentSlug,
  target,
  endorsed,
}: {
  documentSlug: string;
  target: Target;
  endorsed: boolean;
}) {
  const act = useAct();
  return (
    <button
      type="button"
      className="link-button"
      onClick={() => act(() => endorseAction(documentSlug, target, !endorsed))}
    >
      {endorsed ? "Withdraw endorsement" : "Endorse"}
    </button>
  );
}

export function LockButton({
  documentSlug,
  annotationId,
  locked,
}: {
  documentSlug: string;
  annotationId: string;
  locked: boolean;
}) {
  const act = useAct();
  return (
    <button
      type="button"
      className="link-button"
      onClick={() => act(() => lockAction(documentSlug, annotationId, !locked))}
    >
      {locked ? "Unlock discussion" : "Lock discussion"}
    </button>
  );
}

export function ResolveButton({
  documentSlug,
  annotationId,
  resolved,
}: {
  documentSlug: string;
  annotationId: string;
  resolved: boolean;
}) {
  const act = useAct();
  return (
    <button
      type="button"
      className="link-button"
      onClick={() => act(() => resolveAction(documentSlug, annotationId, !resolved))}
    >
      {resolved ? "Reopen" : "Mark resolved"}
    </button>
  );
}
