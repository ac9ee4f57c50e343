"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { createReplyAction, deleteReplyAction } from "@/app/actions/threads";
import { NoteEditor } from "./LazyNoteEditor";
import { EndorseButton, HelpfulButton } from "./ThreadControls";
import type { PanelReply } from "./types";

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
  const [body, setBody] = useState<unknown>();
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  async function send() {
    setSending(true);
    setError(null);
    const outcome = await createReplyAction(documentSlug, { annotationId, parentId, body }).catch(
      () => ({
        ok: false as const,
        error: "The server could not be reached. Your reply is kept here; try again.",
      }),
    );
    setSending(false);
    if (!outcome.ok) return setError(outcome.error);
    onDone();
    router.refresh();
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
      <NoteEditor label="Your reply" onChange={setBody} onSubmitShortcut={() => void send()} />
      <div className="form-actions">
        <button type="submit" disabled={sending}>
          {sending ? "Sending…" : "Send reply"}
        </button>
        <button type="button" className="secondary" onClick={onDone}>
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
