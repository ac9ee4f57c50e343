import "server-only";
import { getPrisma } from "@/lib/db";

export interface LibraryItem {
  slug: string;
  title: string;
  date: string | null;
  archive: string | null;
  summary: string | null;
  turnCount: number;
}

/** Every document in the library, oldest first (undated last). */
export async function listDocuments(): Promise<LibraryItem[]> {
  const documents = await getPrisma().document.findMany({
    orderBy: [{ sortDate: { sort: "asc", nulls: "last" } }, { title: "asc" }],
    select: {
      slug: true,
      title: true,
      date: true,
      archive: true,
      summary: true,
      _count: { select: { turns: true } },
    },
  });
  return documents.map(({ _count, ...document }) => ({ ...document, turnCount: _count.turns }));
}
