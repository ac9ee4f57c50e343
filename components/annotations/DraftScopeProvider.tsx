"use client";

import { useMemo, type ReactNode } from "react";
import { DraftScope } from "./useLocalDraft";

/** Tells the note and reply editors below whose drafts to keep, for which document. */
export function DraftScopeProvider({
  userId,
  documentSlug,
  children,
}: {
  userId: string | null;
  documentSlug: string;
  children: ReactNode;
}) {
  const scope = useMemo(() => (userId ? { userId, documentSlug } : null), [userId, documentSlug]);
  return <DraftScope.Provider value={scope}>{children}</DraftScope.Provider>;
}
