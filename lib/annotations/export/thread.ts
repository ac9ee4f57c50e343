import type { ReplyRecord } from "../types";

// A discussion in the order it is read: each reply followed by the answers to it (oldest first),
// with its depth, as the reader's thread shows it. A reply whose parent is not in the list (it
// cannot happen with the database's foreign key, but an export must not lose words) is treated as
// an answer to the note.

export interface ThreadEntry {
  reply: ReplyRecord;
  /** 0 for an answer to the note, 1 for an answer to that answer, and so on. */
  depth: number;
}

export function threadOrder(replies: readonly ReplyRecord[]): ThreadEntry[] {
  const ids = new Set(replies.map((reply) => reply.id));
  const children = new Map<string | null, ReplyRecord[]>();
  for (const reply of [...replies].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())) {
    const parent = reply.parentId && ids.has(reply.parentId) ? reply.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), reply]);
  }
  const out: ThreadEntry[] = [];
  const visit = (parent: string | null, depth: number) => {
    for (const reply of children.get(parent) ?? []) {
      out.push({ reply, depth });
      visit(reply.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}
