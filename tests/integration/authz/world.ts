import { randomBytes } from "node:crypto";
import { openSession } from "@/lib/auth/accounts";
import { createApiToken, hashToken } from "@/lib/auth/api-tokens";
import { loadViewer } from "@/lib/auth/load-viewer";
import { hashPassword } from "@/lib/auth/password";
import { SESSION_MAX_AGE_SECONDS } from "@/lib/auth/session-cookie";
import type { SiteRole, Viewer, Visibility } from "@/lib/auth/permissions";
import {
  createAnnotation,
  deleteAnnotation,
  setAnnotationHidden,
  updateAnnotation,
} from "@/lib/annotations/service";
import { formatJoinCode } from "@/lib/courses/join-code";
import { getPrisma } from "@/lib/db";
import { listContentFiles, loadContentFiles } from "@/lib/library/load-content";
import { setLocked } from "@/lib/threads/moderation";
import { createReply } from "@/lib/threads/service";
import { createAssignment } from "@/lib/assignments/service";
import { parseSource } from "@/lib/importer";
import { storeDocument } from "@/lib/library/store";
import type { AssignmentFormInput } from "@/lib/validations/assignment";

// The people and records every cell of the authorization matrix is tried against, modelled on
// the demo course (lib/demo/accounts.ts): Ada (the author of every target) and Ben share reading
// group A; Chen is in the same course but group B; Hana teaches it; an outsider studies another
// course taught by another instructor; a site admin belongs to no course. Every text that only
// some roles may see is registered as a Secret with the roles allowed to see it, so each response
// can be searched for anything that should not be there.

export const ROLES = [
  "anonymous",
  "outsider",
  "otherInstructor",
  "student",
  "groupMember",
  "author",
  "instructor",
  "admin",
] as const;
export type Role = (typeof ROLES)[number];
export type SignedIn = Exclude<Role, "anonymous">;
export const SIGNED_IN = ROLES.filter((role): role is SignedIn => role !== "anonymous");

/** Who may read what, by the rules in README "Who may do what". */
export const READERS = {
  private: ["author"],
  group: ["groupMember", "author", "instructor", "admin"],
  course: ["student", "groupMember", "author", "instructor", "admin"],
  public: SIGNED_IN,
  hidden: ["author", "instructor", "admin"],
  otherCourse: ["outsider", "otherInstructor", "admin"],
  courseB: ["outsider", "otherInstructor", "admin"],
  nobody: [],
} as const satisfies Record<string, readonly Role[]>;

export const SLUG = "1959-09-14-liao-ishibashi-third-conversation";
export const COLLECTION = "sino-japanese-relations";
/** The password every role's account has (sign-in and password-change cells use it). */
export const PASSWORD = "matrix pass phrase 1959";

export interface Secret {
  label: string;
  text: string;
  readers: readonly Role[];
  tags: readonly string[];
}

export type NoteKey =
  | "private"
  | "group"
  | "course"
  | "public"
  | "hidden"
  | "privatised"
  | "otherCourse"
  | "deleted"
  | "locked";
export type ReplyKey = "private" | "group" | "course" | "hidden" | "otherCourse" | "deleted";

export interface World {
  documentId: string;
  selection: { start: Point; end: Point };
  users: Record<SignedIn, { id: string; email: string }>;
  viewers: Record<SignedIn, Viewer>;
  sessions: Record<SignedIn, string>;
  tokens: Record<SignedIn, string>;
  courseA: { id: string; title: string; joinCode: string };
  courseB: { id: string; title: string; joinCode: string };
  groupA: string;
  groupB: string;
  groupC: string;
  notes: Record<NoteKey, string>;
  replies: Record<ReplyKey, string>;
  adaToken: { id: string; name: string };
  /** For all of course A; for group B of course A only; for course B. */
  assignments: { A: string; groupB: string; B: string };
  /** A document published into course A (its members only), and drafts of courses A and B. */
  courseDocument: { id: string; slug: string };
  drafts: { A: string; B: string; public: string };
  passwordHash: string;
  secrets: Secret[];
}
type Point = { turnAnchor: number; offset: number };

/** Distinctive words: easy to search for in any response, impossible to meet by accident. */
export const marker = (label: string) =>
  `mx${label.replace(/[^a-z0-9]/gi, "")}${randomBytes(4).toString("hex")}`;
/** A well-formed id that names nothing. */
export const randomId = () => `c${randomBytes(12).toString("hex").slice(0, 24)}`;

export const note = (text: string) => ({
  type: "doc",
  content: [{ type: "paragraph", content: [{ type: "text", text }] }],
});

export async function buildWorld(): Promise<World> {
  const prisma = getPrisma();
  const files = listContentFiles("content").filter(
    (file) => file.includes(SLUG) || file.includes(COLLECTION),
  );
  await loadContentFiles(prisma, files);
  const document = await prisma.document.findUniqueOrThrow({
    where: { slug: SLUG },
    include: { turns: true },
  });
  const turn = document.turns.find((row) => row.text.startsWith("If the prerequisite"))!;
  const at = turn.text.indexOf("military bases");
  const selection = {
    start: { turnAnchor: turn.anchor, offset: at },
    end: { turnAnchor: turn.anchor, offset: at + 14 },
  };

  const passwordHash = await hashPassword(PASSWORD);
  const person = async (key: string, name: string, siteRole: SiteRole = "user") => {
    const email = `${key}@matrix.test`;
    const user = await prisma.user.create({ data: { email, name, siteRole, passwordHash } });
    return { id: user.id, email };
  };
  const users: World["users"] = {
    author: await person("ada", "Ada Brooks"),
    groupMember: await person("ben", "Ben Okafor"),
    student: await person("chen", "Chen Yu"),
    instructor: await person("hana", "Hana Mori", "instructor"),
    admin: await person("admin", "Site Admin", "admin"),
    outsider: await person("omar", "Omar Said"),
    otherInstructor: await person("ines", "Ines Berg", "instructor"),
  };
  const titleA = `Cold War ${marker("coursea")}`;
  const titleB = `Postwar Treaties ${marker("courseb")}`;
  const courseA = await prisma.course.create({
    data: {
      title: titleA,
      term: "Spring 2027",
      joinCode: "QKZ7ARDA",
      createdById: users.instructor.id,
      memberships: {
        create: [
          { userId: users.instructor.id, role: "instructor" },
          { userId: users.author.id, role: "student" },
          { userId: users.groupMember.id, role: "student" },
          { userId: users.student.id, role: "student" },
        ],
      },
    },
  });
  const courseB = await prisma.course.create({
    data: {
      title: titleB,
      term: "Spring 2027",
      joinCode: "QKZ7BRDB",
      createdById: users.otherInstructor.id,
      memberships: {
        create: [
          { userId: users.otherInstructor.id, role: "instructor" },
          { userId: users.outsider.id, role: "student" },
        ],
      },
    },
  });
  const group = (courseId: string, name: string, members: string[]) =>
    prisma.group.create({
      data: { courseId, name, members: { create: members.map((userId) => ({ userId })) } },
    });
  const groupA = await group(courseA.id, `Group ${marker("groupa")}`, [
    users.author.id,
    users.groupMember.id,
  ]);
  const groupB = await group(courseA.id, `Group ${marker("groupb")}`, [users.student.id]);
  const groupC = await group(courseB.id, `Group ${marker("groupc")}`, [users.outsider.id]);

  const viewers = {} as World["viewers"];
  const sessions = {} as World["sessions"];
  const tokens = {} as World["tokens"];
  for (const role of SIGNED_IN) {
    viewers[role] = (await loadViewer(prisma, users[role].id))!;
    sessions[role] = (await openSession(prisma, users[role].id)).token;
    tokens[role] = (await createApiToken(prisma, users[role].id, `${role} script`)).token;
  }
  const adaTokenName = marker("adatoken");
  const adaToken = await createApiToken(prisma, users.author.id, adaTokenName);

  const secrets: Secret[] = [];
  const secret = (label: string, text: string, readers: readonly Role[], ...tags: string[]) =>
    secrets.push({ label, text, readers, tags });

  // Notes: each by Ada (the outsider writes in course B), each with a distinctive text.
  const texts = {} as Record<NoteKey, string>;
  const notes = {} as Record<NoteKey, string>;
  type Scope = { visibility: Visibility; courseId?: string; groupId?: string };
  const write = async (key: NoteKey, by: SignedIn, scope: Scope) => {
    texts[key] = marker(`note${key}`);
    const outcome = await createAnnotation(prisma, viewers[by], {
      documentSlug: SLUG,
      selection,
      body: note(texts[key]),
      ...scope,
    });
    if (!outcome.ok) throw new Error(`fixture ${key}: ${outcome.error}`);
    notes[key] = outcome.value.id;
  };
  await write("private", "author", { visibility: "private" });
  await write("group", "author", { visibility: "group", groupId: groupA.id });
  await write("course", "author", { visibility: "course", courseId: courseA.id });
  await write("public", "author", { visibility: "public" });
  await write("hidden", "author", { visibility: "course", courseId: courseA.id });
  await write("privatised", "author", { visibility: "course", courseId: courseA.id });
  await write("otherCourse", "outsider", { visibility: "course", courseId: courseB.id });
  await write("deleted", "author", { visibility: "course", courseId: courseA.id });
  await write("locked", "author", { visibility: "course", courseId: courseA.id });

  // Replies, one per thread, by someone who may read it.
  const replyTexts = {} as Record<ReplyKey, string>;
  const replies = {} as Record<ReplyKey, string>;
  const reply = async (key: ReplyKey, by: SignedIn, on: NoteKey) => {
    replyTexts[key] = marker(`reply${key}`);
    const outcome = await createReply(prisma, viewers[by], {
      annotationId: notes[on],
      body: note(replyTexts[key]),
    });
    if (!outcome.ok) throw new Error(`fixture reply ${key}: ${outcome.error}`);
    replies[key] = outcome.value.id;
  };
  await reply("private", "author", "private");
  await reply("group", "groupMember", "group");
  await reply("course", "student", "course");
  await reply("hidden", "author", "hidden");
  await reply("otherCourse", "otherInstructor", "otherCourse");
  await reply("deleted", "student", "deleted");

  // Then the moderation that shapes who may read: hidden by Hana; hidden, then made private by
  // Ada (a private note stays private, whoever hid it); deleted by Ada; locked by Hana.
  await setAnnotationHidden(prisma, viewers.instructor, notes.hidden, true);
  await setAnnotationHidden(prisma, viewers.instructor, notes.privatised, true);
  const privatised = await updateAnnotation(prisma, viewers.author, notes.privatised, {
    version: 1,
    body: note(texts.privatised),
    visibility: "private",
    courseId: courseA.id,
  });
  if (!privatised.ok) throw new Error(privatised.error);
  await deleteAnnotation(prisma, viewers.author, notes.deleted);
  await setLocked(prisma, viewers.instructor, notes.locked, true);

  const noteReaders: Record<NoteKey, readonly Role[]> = {
    private: READERS.private,
    group: READERS.group,
    course: READERS.course,
    public: READERS.public,
    hidden: READERS.hidden,
    privatised: READERS.private,
    otherCourse: READERS.otherCourse,
    deleted: READERS.nobody,
    locked: READERS.course,
  };
  for (const key of Object.keys(notes) as NoteKey[]) {
    const by = key === "otherCourse" ? "outsider" : "author";
    const live = key !== "deleted";
    secret(`${key} note text`, texts[key], noteReaders[key], "note", by, ...(live ? ["live"] : []));
    // A deleted note with replies stays in the reader as a placeholder for those who could read it.
    secret(`${key} note id`, notes[key], key === "deleted" ? READERS.course : noteReaders[key]);
  }
  const replyReaders: Record<ReplyKey, readonly Role[]> = {
    private: READERS.private,
    group: READERS.group,
    course: READERS.course,
    hidden: READERS.hidden,
    otherCourse: READERS.otherCourse,
    deleted: READERS.course,
  };
  for (const key of Object.keys(replies) as ReplyKey[]) {
    secret(`reply in the ${key} thread`, replyTexts[key], replyReaders[key], "reply");
  }

  // Course records.
  const managersA = ["instructor", "admin"] as const;
  const managersB = ["otherInstructor", "admin"] as const;
  secret("course A's join code", courseA.joinCode, managersA);
  secret("course A's join code, formatted", formatJoinCode(courseA.joinCode), managersA);
  secret("course B's join code", courseB.joinCode, managersB);
  secret("course B's join code, formatted", formatJoinCode(courseB.joinCode), managersB);
  secret("course A's title", titleA, READERS.course);
  secret("course B's title", titleB, READERS.courseB);
  secret("group A's name", groupA.name, READERS.group);
  secret("group B's name", groupB.name, ["student", "instructor", "admin"]);
  secret("group C's name", groupC.name, READERS.courseB);
  const emailReaders: Record<SignedIn, readonly Role[]> = {
    author: ["author", ...managersA],
    groupMember: ["groupMember", ...managersA],
    student: ["student", ...managersA],
    instructor: managersA,
    admin: ["admin"],
    outsider: ["outsider", ...managersB],
    otherInstructor: managersB,
  };
  for (const role of SIGNED_IN) secret(`${role}'s email`, users[role].email, emailReaders[role]);

  // What belongs to one person.
  secret("Ada's API token name", adaTokenName, ["author"]);
  secret("Ada's API token id", adaToken.id, ["author"]);
  const notifications = await prisma.notification.findMany({
    where: { userId: users.author.id },
    include: { annotation: { select: { deletedAt: true } } },
  });
  if (notifications.length < 2) throw new Error("fixture: Ada should have notifications");
  // Notifications about a deleted note are not shown, not even to Ada.
  for (const item of notifications)
    secret(
      `Ada's notification ${item.id}`,
      item.id,
      item.annotation.deletedAt ? READERS.nobody : ["author"],
      "notification",
    );

  // What nobody may ever be shown: credentials.
  for (const role of SIGNED_IN) {
    secret(`${role}'s session token`, sessions[role], READERS.nobody);
    secret(`${role}'s API token`, tokens[role], READERS.nobody);
  }
  secret("a password hash", "scrypt$", READERS.nobody);
  secret("Ada's API token", adaToken.token, READERS.nobody);

  // Course A's own document, and a draft in each course: what only their readers may see.
  const courseDocument = await addCourseDocument(courseA.id, secret);
  const drafts = {
    A: (await freshDraft({ courseA, courseB }, "A", ["instructor", "admin"], secret)).slug,
    B: (await freshDraft({ courseA, courseB }, "B", ["otherInstructor", "admin"], secret)).slug,
    public: (await freshDraft({ courseA, courseB }, "public", ["admin"], secret)).slug,
  };

  // Assignments: their titles are what a student who is not set one must not see.
  const assignments = {} as World["assignments"];
  for (const [key, by, courseId, groupIds, readers] of [
    ["A", "instructor", courseA.id, [], READERS.course],
    ["groupB", "instructor", courseA.id, [groupB.id], ["student", "instructor", "admin"]],
    ["B", "otherInstructor", courseB.id, [], READERS.courseB],
  ] as const) {
    const form = assignmentForm({ groupIds: [...groupIds] });
    const created = await createAssignment(prisma, viewers[by], courseId, form);
    if (!created.ok) throw new Error(`fixture assignment ${key}: ${created.error}`);
    assignments[key] = created.value.id;
    secret(`assignment ${key}'s title`, form.title, readers);
  }

  return {
    courseDocument,
    drafts,
    assignments,
    documentId: document.id,
    selection,
    users,
    viewers,
    sessions,
    tokens,
    courseA: { id: courseA.id, title: titleA, joinCode: courseA.joinCode },
    courseB: { id: courseB.id, title: titleB, joinCode: courseB.joinCode },
    groupA: groupA.id,
    groupB: groupB.id,
    groupC: groupC.id,
    notes,
    replies,
    adaToken: { id: adaToken.id, name: adaTokenName },
    passwordHash,
    secrets,
  };
}

/** Put back a role's session (after a cell that signs it out). */
export async function restoreSession(world: World, role: SignedIn) {
  const prisma = getPrisma();
  await prisma.session.upsert({
    where: { sessionToken: world.sessions[role] },
    create: {
      sessionToken: world.sessions[role],
      userId: world.users[role].id,
      // A full-length session, as openSession makes: a shorter one Auth.js would extend (a write).
      expires: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000),
    },
    update: {},
  });
}

/** Un-revoke the role's matrix token (a password change or "sign out everywhere" revoked it). */
export async function restoreToken(world: World, role: SignedIn) {
  await getPrisma().apiToken.updateMany({
    where: { userId: world.users[role].id, tokenHash: hashToken(world.tokens[role]) },
    data: { revokedAt: null },
  });
}

export type FreshKey =
  "private" | "group" | "course" | "public" | "hidden" | "otherCourse" | "justDeleted";

let template:
  | {
      documentId: string;
      selector: unknown;
      quote: string;
      firstAnchor: number;
      lastAnchor: number;
    }
  | undefined;

/** A new note for one cell of a write (so one role's edit never changes what the next sees). */
export async function freshNote(
  world: World,
  key: FreshKey,
): Promise<{ id: string; text: string }> {
  const prisma = getPrisma();
  template ??= await prisma.annotation.findUniqueOrThrow({ where: { id: world.notes.course } });
  const text = marker(`fresh${key}`);
  const body = note(text);
  const scope = {
    private: { visibility: "private" as const },
    group: { visibility: "group" as const, courseId: world.courseA.id, groupId: world.groupA },
    course: { visibility: "course" as const, courseId: world.courseA.id },
    public: { visibility: "public" as const },
    hidden: { visibility: "course" as const, courseId: world.courseA.id, hiddenAt: new Date() },
    otherCourse: { visibility: "course" as const, courseId: world.courseB.id },
    justDeleted: {
      visibility: "course" as const,
      courseId: world.courseA.id,
      deletedAt: new Date(),
    },
  }[key];
  const row = await prisma.annotation.create({
    data: {
      documentId: template.documentId,
      authorId: key === "otherCourse" ? world.users.outsider.id : world.users.author.id,
      selector: template.selector ?? {},
      quote: template.quote,
      firstAnchor: template.firstAnchor,
      lastAnchor: template.lastAnchor,
      body,
      bodyHtml: `<p>${text}</p>`,
      bodyText: text,
      tags: [],
      ...scope,
    },
  });
  return { id: row.id, text };
}

/** A new reply by `by` in the thread of a world note. */
export async function freshReply(world: World, on: NoteKey, by: SignedIn) {
  const text = marker("freshreply");
  const row = await getPrisma().reply.create({
    data: {
      annotationId: world.notes[on],
      authorId: world.users[by].id,
      body: note(text),
      bodyHtml: `<p>${text}</p>`,
      bodyText: text,
    },
  });
  return { id: row.id, text };
}

/** A course like A (same instructor and students) or like B, for cells that change a course. */
export async function freshCourse(world: World, like: "A" | "B") {
  const prisma = getPrisma();
  const members =
    like === "A"
      ? [
          { userId: world.users.instructor.id, role: "instructor" as const },
          { userId: world.users.author.id, role: "student" as const },
          { userId: world.users.groupMember.id, role: "student" as const },
          { userId: world.users.student.id, role: "student" as const },
        ]
      : [
          { userId: world.users.otherInstructor.id, role: "instructor" as const },
          { userId: world.users.outsider.id, role: "student" as const },
        ];
  return prisma.course.create({
    data: {
      title: `Fresh course ${marker("c")}`,
      term: "Fall 2027",
      joinCode: randomBytes(5).toString("hex").toUpperCase().slice(0, 8),
      createdById: members[0]!.userId,
      memberships: { create: members },
    },
  });
}

/** A new student enrolled in course A or B (and optionally in a group), to be acted upon. */
export async function freshStudent(world: World, course: "A" | "B", groupId?: string) {
  const prisma = getPrisma();
  const key = marker("student");
  return prisma.user.create({
    data: {
      email: `${key}@matrix.test`,
      name: key,
      memberships: {
        create: { courseId: course === "A" ? world.courseA.id : world.courseB.id, role: "student" },
      },
      ...(groupId ? { groupMemberships: { create: { groupId } } } : {}),
    },
  });
}

/** An assignment form as the server action reads it: a week on the document, one note. */
export function assignmentForm(
  over: Partial<AssignmentFormInput> = {},
): AssignmentFormInput & { title: string } {
  return {
    title: `Reading ${marker("assignment")}`,
    documentSlug: SLUG,
    passageFrom: "",
    passageTo: "",
    timeZone: "UTC",
    opensAt: "2026-01-05T09:00",
    dueAt: "2027-12-20T17:00",
    minAnnotations: "1",
    minReplies: "0",
    minWords: "0",
    hideUntilPosted: false,
    groupIds: [],
    instructions: note("Read closely."),
    ...over,
  };
}

/** A dialogue as a content file, with distinctive words everywhere a reader could meet them. */
export function contentFile(slug: string, words: { title: string; speaker: string; text: string }) {
  return `---
type: document
slug: ${slug}
shape: dialogue
title: ${words.title}
date: 1961-03-03
participants:
  - id: envoy
    name: ${words.speaker}
    label: Envoy
  - id: minister
    name: Minister Ota
    label: Minister
---

**Envoy:** We spoke of ${words.text} and the military bases.

**Minister:** The bases stay for now.
`;
}

type AddSecret = (label: string, text: string, readers: readonly Role[], ...tags: string[]) => void;

/**
 * A document published into a course: its title, a speaker and words only its members read
 * (registered as secrets for the world's; a cell's fresh one is not).
 */
export async function addCourseDocument(courseId: string, secret?: AddSecret) {
  const slug = `course-a-reading-${randomBytes(4).toString("hex")}`;
  const words = {
    title: `Reading ${marker("coursedoc")}`,
    speaker: `Envoy ${marker("envoy")}`,
    text: marker("docwords"),
  };
  const parsed = parseSource(contentFile(slug, words), `${slug}.md`);
  if (parsed.type !== "document") throw new Error("fixture: a document");
  const stored = await storeDocument(getPrisma(), parsed, { contentHash: slug, courseId });
  secret?.("course A's own document's title", words.title, READERS.course, "courseDocument");
  secret?.("course A's own document's speaker", words.speaker, READERS.course, "courseDocument");
  secret?.("course A's own document's words", words.text, READERS.course, "courseDocument");
  const row = await getPrisma().document.findUniqueOrThrow({ where: { slug: stored.slug } });
  return { id: row.id, slug };
}

/** A draft of course A or B, for cells that review, edit, publish or discard one. */
export async function freshDraft(
  world: Pick<World, "courseA" | "courseB">,
  course: "A" | "B" | "public",
  readers?: readonly Role[],
  secret?: AddSecret,
) {
  const prisma = getPrisma();
  const slug = `matrix-draft-${randomBytes(5).toString("hex")}`;
  const title = `Draft ${marker(`draft${course}`)}`;
  const courseId =
    course === "public" ? null : course === "A" ? world.courseA.id : world.courseB.id;
  const creator = courseId
    ? await prisma.membership.findFirstOrThrow({ where: { courseId, role: "instructor" } })
    : { userId: (await prisma.user.findFirstOrThrow({ where: { siteRole: "admin" } })).id };
  await prisma.documentDraft.create({
    data: {
      slug,
      courseId,
      content: contentFile(slug, { title, speaker: "Envoy Aoki", text: marker("draftwords") }),
      sourceName: "pasted text",
      createdById: creator.userId,
    },
  });
  if (readers && secret)
    secret(
      course === "public"
        ? "the public library's draft's title"
        : `course ${course}'s draft's title`,
      title,
      readers,
      "draft",
    );
  return { slug, title };
}
