import "server-only";
import { getPrisma } from "@/lib/db";

/** A document with its participants and turns in reading order, for the reader. */
export async function getDocument(slug: string) {
  return getPrisma().document.findUnique({
    where: { slug },
    include: {
      participants: { orderBy: { position: "asc" } },
      turns: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          anchor: true,
          kind: true,
          text: true,
          label: true,
          lang: true,
          speakerId: true,
        },
      },
    },
  });
}

export type ReaderDocument = NonNullable<Awaited<ReturnType<typeof getDocument>>>;
export type ReaderTurn = ReaderDocument["turns"][number];
