import "server-only";
import { cache } from "react";
import { getPrisma } from "@/lib/db";
import { auth } from "./authjs";
import { loadViewer } from "./load-viewer";
import type { Viewer } from "./permissions";

/** The signed-in viewer of this request (memoised per request), or null. */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  return userId ? loadViewer(getPrisma(), userId) : null;
});

/** Name and email of the signed-in user, for the header. */
export const getSessionUser = cache(async () => {
  const session = await auth();
  if (!session?.user?.id) return null;
  return getPrisma().user.findUnique({
    where: { id: session.user.id },
    select: { id: true, name: true, email: true, siteRole: true },
  });
});
