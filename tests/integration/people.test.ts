import { beforeAll, describe, expect, it } from "vitest";
import { PUT, GET } from "@/app/api/people/[slug]/route";
import { createApiToken } from "@/lib/auth/api-tokens";
import type { Viewer } from "@/lib/auth/permissions";
import { getPrisma } from "@/lib/db";
import { parseSource } from "@/lib/importer";
import { listContentFiles, loadContentFiles } from "@/lib/library/load-content";
import { listDocuments } from "@/lib/library/queries";
import { storeDocument } from "@/lib/library/store";
import { authorityOf, setPersonAuthority } from "@/lib/people/authority-service";
import {
  peopleByParticipant,
  personTurns,
  readablePeople,
  readablePerson,
} from "@/lib/people/queries";

// People across the library, on a real database: the content files, plus a course's own
// document in which Kishi speaks words only the course may read, and a person (an envoy) who
// appears in no other document.

const SECRET_WORDS = "zanzibar-quietly-agreed";
const ENVOY = "Envoy Zorander";

const courseFile = (slug: string) => `---
type: document
slug: ${slug}
shape: dialogue
title: A seminar's own record
date: 1960-02-02
participants:
  - id: kishi
    name: Nobusuke Kishi
    label: Kishi
  - id: envoy
    name: ${ENVOY}
    label: Envoy
---

**Envoy:** The Prime Minister has heard the proposal.

**Kishi:** We ${SECRET_WORDS} on the timing of the treaty.
`;

const viewer = (
  userId: string,
  siteRole: Viewer["siteRole"],
  courses: [string, "student" | "instructor"][] = [],
): Viewer => ({
  userId,
  siteRole,
  courses: new Map(courses),
  groups: new Map(),
});

let member: Viewer;
let outsider: Viewer;
let editor: Viewer;
let student: Viewer;

beforeAll(async () => {
  const prisma = getPrisma();
  await loadContentFiles(prisma, listContentFiles("content"));
  const teacher = await prisma.user.create({
    data: { email: "teacher@people.test", siteRole: "instructor" },
  });
  const pupil = await prisma.user.create({ data: { email: "pupil@people.test" } });
  const stranger = await prisma.user.create({ data: { email: "stranger@people.test" } });
  const course = await prisma.course.create({
    data: { title: "Seminar", term: "Spring", joinCode: "PEOPLE01", createdById: teacher.id },
  });
  const parsed = parseSource(courseFile("seminar-own-record"), "seminar-own-record.md");
  if (parsed.type !== "document") throw new Error("fixture: a document");
  await storeDocument(prisma, parsed, { contentHash: "seminar", courseId: course.id });
  member = viewer(pupil.id, "user", [[course.id, "student"]]);
  student = member;
  outsider = viewer(stranger.id, "user");
  editor = viewer(teacher.id, "instructor", [[course.id, "instructor"]]);
});

describe("the people index", () => {
  it("lists Kishi once, under his fullest name, with his other names, counts and dates", async () => {
    const people = await readablePeople(getPrisma(), null);
    const kishi = people.find((person) => person.name === "Nobusuke Kishi");
    expect(kishi?.slug).toBe("nobusuke-kishi");
    expect(
      people.filter((person) => person.names.some((name) => name.form === "Kishi")),
    ).toHaveLength(1);
    expect(kishi!.names.map((name) => name.form)).toEqual(
      expect.arrayContaining(["Nobusuke Kishi", "Kishi", "Prime Minister Kishi"]),
    );
    // Docs 139 and 143 (TEI) and the plain-text copy of 143.
    expect(kishi!.documents.map((document) => document.slug).sort()).toEqual([
      "1960-01-19-memorandum-conversation-relations-communist-china",
      "1960-01-19-memorandum-conversation-us-japanese-economic-problems",
      "memorandum-conversation-relations-communist-china",
    ]);
    expect(kishi!.first).toBe("1960-01-19");
    expect(kishi!.last).toBe("1960-01-19");
    expect(kishi!.turns).toBeGreaterThan(0);
    expect(kishi!.offices.map((office) => office.office)).toContain("Prime Minister");
  });

  it("gives Tani one embassy office across the two printings", async () => {
    const tani = (await readablePeople(getPrisma(), null)).find(
      (person) => person.name === "Masayuki Tani",
    )!;
    expect(tani.offices).toEqual([
      expect.objectContaining({
        office: "Ambassador E. and P., Embassy of Japan",
        from: "1956-08-31",
        to: "1956-09-07",
      }),
    ]);
  });

  it("does not list a person named only in a course's document outside the course", async () => {
    const names = async (who: Viewer | null) =>
      (await readablePeople(getPrisma(), who)).map((person) => person.name);
    expect(await names(null)).not.toContain(ENVOY);
    expect(await names(outsider)).not.toContain(ENVOY);
    expect(await names(member)).toContain(ENVOY);
    expect(await readablePerson(getPrisma(), outsider, "envoy-zorander")).toBeNull();
    expect((await readablePerson(getPrisma(), member, "envoy-zorander"))?.name).toBe(ENVOY);
  });

  it("counts only the documents the viewer may read", async () => {
    const kishiFor = async (who: Viewer | null) =>
      (await readablePeople(getPrisma(), who)).find((person) => person.name === "Nobusuke Kishi")!;
    const outside = await kishiFor(outsider);
    const inside = await kishiFor(member);
    expect(inside.documents.length).toBe(outside.documents.length + 1);
    expect(inside.turns).toBe(outside.turns + 1);
    expect(inside.last).toBe("1960-02-02");
    expect(outside.last).toBe("1960-01-19");
  });
});

describe("everything a person said", () => {
  it("gives his turns in date order with the turn before, and finds words within them", async () => {
    const kishi = (await readablePerson(getPrisma(), null, "kishi"))!;
    const { turns, total } = await personTurns(getPrisma(), null, kishi);
    expect(total).toBe(kishi.turns);
    const dates = turns.map((turn) => turn.document.date ?? "9999");
    expect([...dates].sort()).toEqual(dates);
    expect(turns.every((turn) => turn.anchor > 0)).toBe(true);
    expect(turns.some((turn) => turn.before !== null)).toBe(true);

    const found = await personTurns(getPrisma(), null, kishi, "COMMUNIST CHINA");
    expect(found.total).toBeGreaterThan(0);
    expect(found.total).toBeLessThan(total);
    expect(found.turns.every((turn) => /communist china/i.test(turn.text))).toBe(true);
  });

  it("never shows a course document's turn outside the course; shows it to a member", async () => {
    const forWhom = async (who: Viewer | null) => {
      const kishi = (await readablePerson(getPrisma(), who, "nobusuke-kishi"))!;
      return personTurns(getPrisma(), who, kishi, SECRET_WORDS);
    };
    expect((await forWhom(outsider)).total).toBe(0);
    expect((await forWhom(null)).total).toBe(0);
    const inside = await forWhom(member);
    expect(inside.total).toBe(1);
    expect(inside.turns[0]!.before?.text).toBe("The Prime Minister has heard the proposal.");
    expect(inside.turns[0]!.document.slug).toBe("seminar-own-record");
  });

  it("even a participants id from a course document yields nothing to an outsider", async () => {
    const inside = (await readablePerson(getPrisma(), member, "nobusuke-kishi"))!;
    const { total } = await personTurns(getPrisma(), outsider, inside, SECRET_WORDS);
    expect(total).toBe(0);
  });
});

describe("authority links", () => {
  it("an editor links a person to Wikidata; the id is stored as its entity URI", async () => {
    const outcome = await setPersonAuthority(getPrisma(), editor, "kishi", " q310452 ");
    expect(outcome).toEqual({
      ok: true,
      value: { slug: "nobusuke-kishi", uri: "https://www.wikidata.org/entity/Q310452" },
    });
    const kishi = (await readablePerson(getPrisma(), null, "nobusuke-kishi"))!;
    expect(await authorityOf(getPrisma(), kishi)).toBe("https://www.wikidata.org/entity/Q310452");
  });

  it("a student cannot", async () => {
    await expect(setPersonAuthority(getPrisma(), student, "nobusuke-kishi", "Q1")).rejects.toThrow(
      /Only the library's editors/,
    );
  });

  it("refuses a bad QID or a non-https address with a sentence, and changes nothing", async () => {
    for (const bad of ["Q12x", "Q0", "javascript:alert(1)", "http://viaf.org/viaf/1", "Kishi"]) {
      const outcome = await setPersonAuthority(getPrisma(), editor, "nobusuke-kishi", bad);
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) expect(outcome.error).toMatch(/Wikidata id .*https:\/\//);
    }
    const kishi = (await readablePerson(getPrisma(), null, "nobusuke-kishi"))!;
    expect(await authorityOf(getPrisma(), kishi)).toBe("https://www.wikidata.org/entity/Q310452");
  });

  it("takes another https authority URI, and an empty value removes the link", async () => {
    const viaf = "https://viaf.org/viaf/12345678";
    expect(await setPersonAuthority(getPrisma(), editor, "masayuki-tani", viaf)).toMatchObject({
      ok: true,
      value: { uri: viaf },
    });
    expect(await setPersonAuthority(getPrisma(), editor, "masayuki-tani", "")).toMatchObject({
      ok: true,
      value: { uri: null },
    });
  });

  it("the API answers 422 with the sentence for a bad QID, 403 to a student, and the export carries the id", async () => {
    const prisma = getPrisma();
    const put = async (userId: string, authority: string) =>
      PUT(
        new Request("http://localhost/api/people/nobusuke-kishi", {
          method: "PUT",
          headers: {
            authorization: `Bearer ${(await createApiToken(prisma, userId, "script")).token}`,
            "content-type": "application/json",
          },
          body: JSON.stringify({ authority }),
        }),
        { params: Promise.resolve({ slug: "nobusuke-kishi" }) },
      );
    const bad = await put(editor.userId, "Q-kishi");
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.message).toMatch(/is not a Wikidata id/);
    expect((await put(student.userId, "Q310452")).status).toBe(403);

    const exported = await GET(new Request("http://localhost/api/people/kishi"), {
      params: Promise.resolve({ slug: "kishi" }),
    });
    expect(exported.status).toBe(200);
    const json = await exported.json();
    expect(json.sameAs).toBe("https://www.wikidata.org/entity/Q310452");
    expect(json.identifier.value).toBe("Q310452");
    expect(JSON.stringify(json)).not.toContain("seminar-own-record");
  });
});

describe("people kept between page views", () => {
  // The reader links every speaker on each page view, so the people are kept per process; they
  // must change as soon as the library or an authority record does.
  it("sees a newly imported document's speaker, a removed document, and a new authority at once", async () => {
    const prisma = getPrisma();
    const names = async (who: Viewer | null) =>
      (await readablePeople(prisma, who)).map((person) => person.name);
    expect(await names(null)).not.toContain("Envoy Ambrose Quill");
    expect(await names(member)).toContain(ENVOY);

    const parsed = parseSource(
      courseFile("public-envoy-record").replace(ENVOY, "Envoy Ambrose Quill"),
      "public-envoy-record.md",
    );
    if (parsed.type !== "document") throw new Error("fixture: a document");
    await storeDocument(prisma, parsed, { contentHash: "public-envoy" });
    expect(await names(null)).toContain("Envoy Ambrose Quill");
    const quill = (await readablePerson(prisma, null, "envoy-ambrose-quill"))!;
    const [participantId] = quill.participantIds;
    expect((await peopleByParticipant(prisma, null)).get(participantId!)).toEqual({
      slug: "envoy-ambrose-quill",
      authority: null,
    });

    await setPersonAuthority(prisma, editor, "envoy-ambrose-quill", "Q42");
    expect((await peopleByParticipant(prisma, null)).get(participantId!)?.authority).toBe(
      "https://www.wikidata.org/entity/Q42",
    );
    await setPersonAuthority(prisma, editor, "envoy-ambrose-quill", "");
    expect((await peopleByParticipant(prisma, null)).get(participantId!)?.authority).toBeNull();

    await prisma.document.delete({ where: { slug: "public-envoy-record" } });
    expect(await names(null)).not.toContain("Envoy Ambrose Quill");
    expect((await peopleByParticipant(prisma, null)).has(participantId!)).toBe(false);
  });

  it("keeps each reader's own library: a course's speaker is never listed for an outsider", async () => {
    const prisma = getPrisma();
    expect((await readablePeople(prisma, member)).map((person) => person.name)).toContain(ENVOY);
    expect((await readablePeople(prisma, outsider)).map((person) => person.name)).not.toContain(
      ENVOY,
    );
    expect((await readablePeople(prisma, member)).map((person) => person.name)).toContain(ENVOY);
  });
});

describe("the library's two copies of FRUS doc. 143", () => {
  it("show different edition lines under the same title", async () => {
    const documents = await listDocuments(null);
    const copies = documents.filter(
      (document) => document.title === "Memorandum of Conversation: Relations With Communist China",
    );
    expect(copies).toHaveLength(2);
    expect(new Set(copies.map((document) => document.edition)).size).toBe(2);
    expect(copies.every((document) => document.edition)).toBe(true);
  });
});
