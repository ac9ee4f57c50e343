// Data for tests/e2e/xss.spec.ts, made through the services (run by tsx: the Prisma client is
// TypeScript). Prints one JSON line: the hostile users' API tokens, the demo course, the turns
// of the document, and what the services refused.
//
// Hostile display names go straight into the User table (sign-up's only check is the length,
// applied here too, and its scrypt hash costs 0.1 s an account); course titles go through
// createCourse and replies through createReply, exactly as the forms' server actions do.
import { createApiToken } from "@/lib/auth/api-tokens";
import { loadViewer } from "@/lib/auth/load-viewer";
import { createAnnotation } from "@/lib/annotations/service";
import { createCourse } from "@/lib/courses/service";
import { getPrisma } from "@/lib/db";
import { createReply } from "@/lib/threads/service";
import { nameSchema } from "@/lib/validations/auth";
import { forgedTiptapDocs, xssPayloads } from "../unit/annotations/xss-corpus";

const SLUG = process.argv[2] ?? "1959-09-14-liao-ishibashi-third-conversation";
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
  const document = await prisma.document.findUniqueOrThrow({
    where: { slug: SLUG },
    select: { turns: { select: { anchor: true, text: true }, orderBy: { position: "asc" } } },
  });
  const turns = document.turns
    .filter((turn) => turn.text.length >= 20)
    .map((turn) => ({ anchor: turn.anchor, length: turn.text.length }));

  // Ada's course note: every hostile user replies to it, so her notifications name them all.
  const ada = await viewerOf("ada@memcon.test");
  const root = await createAnnotation(prisma, ada, {
    documentSlug: SLUG,
    selection: {
      start: { turnAnchor: turns[0]!.anchor, offset: 0 },
      end: { turnAnchor: turns[0]!.anchor, offset: 12 },
    },
    body: doc("Root of the hostile discussion."),
    visibility: "course",
    courseId: course.id,
  });
  if (!root.ok) throw new Error(root.error);

  const refused: Record<string, string[]> = { names: [], courses: [], replies: [], forged: [] };
  const users: { id: string; email: string; name: string; token: string; payloadId: string }[] = [];
  // Eight at a time: the database has two cores to share with the app server.
  const inBatches = async <T>(
    items: readonly T[],
    work: (item: T, index: number) => Promise<void>,
  ) => {
    for (let start = 0; start < items.length; start += 8)
      await Promise.all(items.slice(start, start + 8).map((item, i) => work(item, start + i)));
  };
  await inBatches(xssPayloads, async ({ id: payloadId, payload }, index) => {
    const name = nameSchema.safeParse(payload.slice(0, 100));
    if (!name.success) refused.names!.push(payloadId);
    const user = await prisma.user.create({
      data: {
        email: `xss-${index}@memcon.test`,
        name: name.success ? name.data : `Refused name ${index}`,
        memberships: { create: { courseId: course.id, role: "student" } },
      },
    });
    const { token } = await createApiToken(prisma, user.id, "xss");
    users[index] = { id: user.id, email: user.email!, name: user.name!, token, payloadId };
    const viewer = (await loadViewer(prisma, user.id))!;
    const reply = await createReply(prisma, viewer, {
      annotationId: root.value.id,
      body: doc(payload),
    });
    if (!reply.ok) refused.replies!.push(`${payloadId}: ${reply.error}`);
  });

  // Forged Tiptap documents as replies: the ones the corpus says are refused must be.
  const chen = await viewerOf("chen@memcon.test");
  for (const forged of forgedTiptapDocs) {
    const reply = await createReply(prisma, chen, {
      annotationId: root.value.id,
      body: forged.doc,
    });
    if (reply.ok !== (forged.expect === "strip")) refused.forged!.push(forged.id);
  }

  const instructor = await viewerOf("instructor@memcon.test");
  const courses: string[] = [];
  await inBatches(xssPayloads, async ({ id: payloadId, payload }) => {
    const created = await createCourse(prisma, instructor, {
      title: payload.slice(0, 120),
      term: "Spring 2027",
    });
    if (created.ok) courses.push(created.value.courseId);
    else refused.courses!.push(`${payloadId}: ${created.error}`);
  });

  // The control: a note whose stored HTML skipped the sanitizer, as a sanitizer bug would leave
  // it. Private to Dana, so no other view in the spec shows it.
  const dana = await viewerOf("dana@memcon.test");
  const control = await createAnnotation(prisma, dana, {
    documentSlug: SLUG,
    selection: {
      start: { turnAnchor: turns[1]!.anchor, offset: 0 },
      end: { turnAnchor: turns[1]!.anchor, offset: 12 },
    },
    body: doc("Control note."),
    visibility: "private",
  });
  if (!control.ok) throw new Error(control.error);
  await prisma.annotation.update({
    where: { id: control.value.id },
    data: { bodyHtml: `<p>Control note.</p><img src="x" onerror="alert('control')">` },
  });

  console.log(
    JSON.stringify({ courseId: course.id, rootId: root.value.id, turns, users, courses, refused }),
  );
} finally {
  await prisma.$disconnect();
}
