// The app's page statement (lib/annotations/readable-page.ts) as plain text and values for `pg`,
// so the bench's SQL and its bare server run exactly what the app runs.
import type { PostingGate } from "@/lib/assignments/gate";
import type { Viewer } from "@/lib/auth/permissions";
import { readablePageIdsSql as pageIds } from "@/lib/annotations/readable-page";
import { Prisma } from "@/lib/generated/prisma/client";

/** The gate of a reader no "post first" rule holds back (the bench sets no assignment). */
export const OPEN_GATE_SQL: PostingGate = {
  sql: Prisma.sql`false`,
  hides: () => false,
  gated: new Map(),
};

export function readablePageIdsSql(
  viewer: Viewer,
  gate: PostingGate,
  documentId: string,
  limit: number,
  offset: number,
): { text: string; values: unknown[] } | null {
  const sql = pageIds(viewer, gate, documentId, limit, offset);
  return sql && { text: sql.text, values: sql.values };
}
