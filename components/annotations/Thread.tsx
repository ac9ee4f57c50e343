"use client";

import { useRouter } from "next/navigation";
import { useContext, useEffect, useState } from "react";
import { createReplyAction, deleteReplyAction } from "@/app/actions/threads";
import { NoteEditor } from "./LazyNoteEditor";
import { EndorseButton, HelpfulButton } from "./ThreadControls";
import type { PanelReply } from "@/lib/reader/types";
import { KeptDraftNotice } from "./KeptDraftNotice";
import { listDrafts } from "@/lib/browser/local-drafts";
import { DraftScope, UnreachableError, useLocalDraft } from "./useLocalDraft";

// The discussion under one annotation: replies nested under what they answer. Beyond three
// levels replies stay at the third, so a long exchange remains readable in a narrow panel.
const MAX_DEPTH = 3;

interface Props {
  documentSlug: string;
  annotationId: string;
  replies: PanelReply[];
  /** Locked by an instructor: readable, but no new replies. */
  locked: boolean;
  canModerate: boolean;
}

export function Thread({ documentSlug, annotationId, replies, locked, canModerate }: Props) {
  const [answering, setAnswering] = useState<string | null | undefined>(undefined); // null: the annotation
  // After a reload, reopen the reply this device still keeps for this discussion.
  const scope = useContext(DraftScope);
  useEffect(() => {
    if (!scope || locked) return;
    const kept = listDrafts(window.localStorage, scope.userId, scope.documentSlug).find(
      ({ draft }) => draft.target.kind === "reply" && draft.target.annotationId === annotationId,
    );
    // localStorage is only readable after hydration, so this cannot be the initial state.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (kept?.draft.target.kind === "reply") setAnswering(kept.draft.target.parentId);
  }, [scope, annotationId, locked]);
  const children = (parentId: string | null) =>
    replies.filter((reply) => reply.parentId === parentId);
  const known = new Set(replies.map((reply) => reply.id));
  // Replies whose parent is gone are shown at the top level.
  const roots = replies.filter((reply) => reply.parentId === null || !known.has(reply.parentId));

  function renderReplies(list: PanelReply[], depth: number): React.ReactNode {
    if (list.length === 0) return null;
    return (
      <ol className={`replies replies--depth-${depth}`}>
        {list.map((reply) => (
          <li key={reply.id} className="reply">
            <p className="card-meta">
              <strong>{reply.authorName}</strong> ·{" "}
              <time dateTime={reply.createdAt}>{reply.createdAt.slice(0, 10)}</time>
            </p>
            {reply.deleted ? (
              <p className="meta">Reply deleted.</p>
            ) : (
              <div className="note-body" dangerouslySetInnerHTML={{ __html: reply.bodyHtml }} />
            )}
            {reply.endorsed && <p className="badge">Endorsed by instructor</p>}
            <div className="card-actions">
              <HelpfulButton
                documentSlug={documentSlug}
                target={{ replyId: reply.id }}
                votes={reply.votes}
                voted={reply.voted}
                canVote={reply.canVote && !reply.deleted}
              />
              {!locked && (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => setAnswering(reply.id)}
                >
                  Reply
                </button>
              )}
              {canModerate && !reply.deleted && (
                <EndorseButton
                  documentSlug={documentSlug}
                  target={{ replyId: reply.id }}
                  endorsed={reply.endorsed}
                />
              )}
              {reply.mine && !reply.deleted && (
                <DeleteReply documentSlug={documentSlug} replyId={reply.id} />
              )}
            </div>
            {answering === reply.id && (
              <ReplyForm
                documentSlug={documentSlug}
                annotationId={annotationId}
                parentId={reply.id}
                onDone={() => setAnswering(undefined)}
              />
            )}
            {depth < MAX_DEPTH
              ? renderReplies(children(reply.id), depth + 1)
              : children(reply.id).length > 0 && renderReplies(children(reply.id), depth)}
          </li>
        ))}
      </ol>
    );
  }

  return (
    <div className="thread">
      {renderReplies(roots, 1)}
      {locked ? (
        <p className="meta">This discussion is locked by an instructor.</p>
      ) : answering === null ? (
        <ReplyForm
          documentSlug={documentSlug}
          annotationId={annotationId}
          parentId={null}
          onDone={() => setAnswering(undefined)}
        />
      ) : (
        <button type="button" className="link-button" onClick={() => setAnswering(null)}>
          Reply to this annotation
          {replies.length ? ` (${replies.length} repl${replies.length === 1 ? "y" : "ies"})` : ""}
        </button>
      )}
    </div>
  );
}

function ReplyForm({
  documentSlug,
  annotationId,
  parentId,
  onDone,
}: {
  documentSlug: string;
  annotationId: string;
  parentId: string | null;
  onDone: () => void;
}) {
  const router = useRouter();
  // Kept on this device until the server has it (offline, outage, reload).
  const local = useLocalDraft({ kind: "reply", annotationId, parentId });
  const [body, setBody] = useState<unknown>(local.restored?.body);
  const [error, setError] = useState<string | null>(null);
  const sending = local.sending;
  const { keep } = local;
  useEffect(() => keep({ body }), [keep, body]);

  const save = async (clientId: string) => {
    const outcome = await createReplyAction(documentSlug, {
      annotationId,
      parentId,
      body,
      clientId,
    }).catch((failure: unknown) => {
      throw new UnreachableError(String(failure));
    });
    if (!outcome.ok && outcome.code === "unavailable") throw new UnreachableError(outcome.error);
    if (!outcome.ok) return outcome.error;
    onDone();
    router.refresh();
    return null;
  };
  // Automatic retries send the latest text.
  useEffect(() => {
    local.setSave(save);
  });

  async function send() {
    setError(null);
    const refusal = await local.send(save);
    if (refusal) setError(refusal);
  }

  return (
    <form
      className="reply-form"
      aria-label="Reply"
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <KeptDraftNotice draft={local} onSendNow={() => void send()} />
      <NoteEditor
        label="Your reply"
        initialContent={local.restored?.body}
        onChange={setBody}
        onSubmitShortcut={() => void send()}
      />
      <div className="form-actions">
        <button type="submit" disabled={sending}>
          {sending ? "Sending…" : "Send reply"}
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => {
            local.discard();
            onDone();
          }}
        >
          Cancel
        </button>
      </div>
    </form>
  );
}

function DeleteReply({ documentSlug, replyId }: { documentSlug: string; replyId: string }) {
  const router = useRouter();
  return (
    <button
      type="button"
      className="link-button"
      onClick={async () => {
        const outcome = await deleteReplyAction(documentSlug, replyId);
        if (outcome.ok) router.refresh();
      }}
    >
      Delete
    </button>
  );
}
