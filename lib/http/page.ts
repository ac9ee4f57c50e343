import "server-only";
import { notFound, redirect } from "next/navigation";
import { getViewer } from "@/lib/auth/viewer";
import { ForbiddenError, NotFoundError } from "@/lib/errors";

// Steps every signed-in page takes: send a signed-out visitor to sign in (and back), and answer
// 404 for anything the viewer may not see, exactly as for something that does not exist.

export async function requirePageViewer(path: string) {
  const viewer = await getViewer();
  if (!viewer) redirect(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  return viewer;
}

export async function foundOr404<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    // A page the viewer may not use (a student opening an instructor's form) is not found
    // either, rather than a server error.
    if (error instanceof NotFoundError || error instanceof ForbiddenError) notFound();
    throw error;
  }
}
