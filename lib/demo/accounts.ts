import type { PrismaClient } from "@/lib/generated/prisma/client";
import { parseBody } from "@/lib/richtext/body";
import { hashPassword } from "@/lib/auth/password";

// Demo data for a local `npm start` (and the end-to-end tests): one instructor, four students in
// one course with two reading groups, and a site admin. Never loaded when DATABASE_URL points at a
// real server unless MEMCON_DEMO=1 asks for it.

export const DEMO_COURSE = {
  title: "Cold War Sino-Japanese Relations",
  term: "Spring 2027",
  joinCode: "READ1959",
};

export const DEMO_USERS = [
  {
    email: "admin@memcon.test",
    name: "Site Admin",
    password: "archive-admin-2027",
    siteRole: "admin",
  },
  {
    email: "instructor@memcon.test",
    name: "Hana Mori",
    password: "seminar-instructor",
    siteRole: "instructor",
    course: "instructor",
  },
  {
    email: "ada@memcon.test",
    name: "Ada Brooks",
    password: "close-reading",
    siteRole: "user",
    course: "student",
    group: "Group A",
  },
  {
    email: "ben@memcon.test",
    name: "Ben Okafor",
    password: "close-reading",
    siteRole: "user",
    course: "student",
    group: "Group A",
  },
  {
    email: "chen@memcon.test",
    name: "Chen Yu",
    password: "close-reading",
    siteRole: "user",
    course: "student",
    group: "Group B",
  },
  {
    email: "dana@memcon.test",
    name: "Dana Ruiz",
    password: "close-reading",
    siteRole: "user",
    course: "student",
    group: "Group B",
  },
] as const;

/** Create whatever of the demo data is missing; never overwrites what users changed. */
export async function ensureDemoData(prisma: PrismaClient): Promise<{ created: number }> {
  let created = 0;
  const ids = new Map<string, string>();
  for (const demo of DEMO_USERS) {
    const existing = await prisma.user.findUnique({
      where: { email: demo.email },
      select: { id: true },
    });
    if (existing) {
      ids.set(demo.email, existing.id);
      continue;
    }
    const user = await prisma.user.create({
      data: {
        email: demo.email,
        name: demo.name,
        siteRole: demo.siteRole,
        passwordHash: await hashPassword(demo.password),
      },
    });
    ids.set(demo.email, user.id);
    created++;
  }

  const instructorId = ids.get("instructor@memcon.test")!;
  const course =
    (await prisma.course.findUnique({ where: { joinCode: DEMO_COURSE.joinCode } })) ??
    (await prisma.course.create({ data: { ...DEMO_COURSE, createdById: instructorId } }));
  for (const demo of DEMO_USERS) {
    if (!("course" in demo)) continue;
    const userId = ids.get(demo.email)!;
    await prisma.membership.upsert({
      where: { courseId_userId: { courseId: course.id, userId } },
      create: { courseId: course.id, userId, role: demo.course },
      update: {},
    });
    if ("group" in demo) {
      const group = await prisma.group.upsert({
        where: { courseId_name: { courseId: course.id, name: demo.group } },
        create: { courseId: course.id, name: demo.group },
        update: {},
      });
      await prisma.groupMember.upsert({
        where: { groupId_userId: { groupId: group.id, userId } },
        create: { groupId: group.id, userId },
        update: {},
      });
    }
  }
  await ensureDemoAssignment(prisma, course.id, instructorId);
  return { created };
}

const DEMO_INSTRUCTIONS = [
  "Read Liao's and Ishibashi's exchange closely. Where does each of them define the terms of a “friendly” relationship, and what does each leave unsaid?",
  "Annotate at least two moments where the wording matters (a concession, a condition, an evasion), and reply to one classmate's note with evidence from the text.",
];

/** One open assignment on the Liao–Ishibashi conversation, so the teaching loop can be tried. */
async function ensureDemoAssignment(prisma: PrismaClient, courseId: string, instructorId: string) {
  if (await prisma.assignment.findFirst({ where: { courseId }, select: { id: true } })) return;
  const document = await prisma.document.findUnique({
    where: { slug: "1959-09-14-liao-ishibashi-third-conversation" },
    select: {
      id: true,
      turns: { where: { kind: "speech" }, orderBy: { position: "asc" }, select: { anchor: true } },
    },
  });
  if (!document || document.turns.length === 0) return;
  const passage = document.turns.slice(0, 24);
  const instructions = parseBody({
    type: "doc",
    content: DEMO_INSTRUCTIONS.map((text) => ({
      type: "paragraph",
      content: [{ type: "text", text }],
    })),
  });
  if (!instructions.ok) throw new Error(`Demo instructions: ${instructions.error}`);
  const now = Date.now();
  await prisma.assignment.create({
    data: {
      courseId,
      documentId: document.id,
      title: "Liao and Ishibashi: the terms of friendship",
      firstAnchor: passage[0]!.anchor,
      lastAnchor: passage.at(-1)!.anchor,
      instructions: instructions.doc,
      instructionsHtml: instructions.html,
      opensAt: new Date(now - 86_400_000),
      dueAt: new Date(now + 7 * 86_400_000),
      timeZone: "Asia/Tokyo",
      minAnnotations: 2,
      minReplies: 1,
      minWords: 15,
      createdById: instructorId,
    },
  });
}

export function demoCredentialLines(): string[] {
  return [
    "Demo accounts (local demo data only):",
    ...DEMO_USERS.map(
      (user) =>
        `  ${user.email.padEnd(24)} ${user.password.padEnd(20)} ${"course" in user ? user.course : user.siteRole}`,
    ),
    `  Demo course "${DEMO_COURSE.title}", join code ${DEMO_COURSE.joinCode.slice(0, 4)}-${DEMO_COURSE.joinCode.slice(4)}`,
  ];
}
