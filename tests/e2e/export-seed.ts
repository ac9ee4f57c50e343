// Data for tests/e2e/export.spec.ts, made through the services (run by tsx: the Prisma client is
// TypeScript): Ben's private note and his note to the course on the Liao–Ishibashi conversation,
// and Chen's reply to it. Saved under fixed client ids, so running it again (each viewport's
// worker does) finds them instead of writing copies. Prints one JSON line with the course's id.
import { loadViewer } from "@/lib/auth/load-viewer";
import { createAnnotation } from "@/lib/annotations/service";
import { getPrisma } from "@/lib/db";
import { createReply } from "@/lib/threads/service";
import { EXPORT_SEED } from "./export-texts";

const prisma = getPrisma();
const doc = (text: string) => ({
  type: "doc",
  content: [{ type: "paragraph", content: [{ type: "text", text }] }],
});

async function viewerOf(email: string) {
  const user = await prisma.user.findUniqueOrThrow({ where: { email } });
  return (await loadViewer(prisma, user.id))!;
}

try {
  const course = await prisma.course.findUniqueOrThrow({ where: { joinCode: "READ1959" } });
  const turn = await prisma.turn.findFirstOrThrow({
    where: { document: { slug: EXPORT_SEED.slug }, text: { startsWith: "If the prerequisite" } },
  });
  const at = turn.text.indexOf("military bases");
  const selection = {
    start: { turnAnchor: turn.anchor, offset: at },
    end: { turnAnchor: turn.anchor, offset: at + "military bases".length },
  };
  const ben = await viewerOf("ben@memcon.test");
  const notes = [
    { id: EXPORT_SEED.ids.private, text: EXPORT_SEED.benPrivate, visibility: "private" as const },
    { id: EXPORT_SEED.ids.course, text: EXPORT_SEED.benCourse, visibility: "course" as const },
  ];
  for (const note of notes) {
    const saved = await createAnnotation(prisma, ben, {
      clientId: note.id,
      documentSlug: EXPORT_SEED.slug,
      selection,
      body: doc(note.text),
      visibility: note.visibility,
      courseId: course.id,
    });
    if (!saved.ok) throw new Error(saved.error);
  }
  const reply = await createReply(prisma, await viewerOf("chen@memcon.test"), {
    annotationId: EXPORT_SEED.ids.course,
    body: doc(EXPORT_SEED.chenReply),
    clientId: EXPORT_SEED.ids.reply,
  });
  if (!reply.ok) throw new Error(reply.error);
  console.log(JSON.stringify({ courseId: course.id }));
} finally {
  await prisma.$disconnect();
}
