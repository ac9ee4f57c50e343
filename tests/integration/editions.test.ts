import { describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { otherEditions } from "@/lib/editions/other-editions";
import { getDocument } from "@/lib/library/document";
import { storeDocument } from "@/lib/library/store";
import { contentDocument } from "@/tests/unit/citations/content-document";

const SLUGS = [
  "1956-09-07-japanese-soviet-negotiations",
  "1956-09-07-dulles-memorandum-conversation",
  "memorandum-conversation-relations-communist-china",
  "1960-01-19-memorandum-conversation-relations-communist-china",
  "1960-01-19-memorandum-conversation-us-japanese-economic-problems",
  "1959-09-14-liao-ishibashi-third-conversation",
];

describe("otherEditions", () => {
  it("finds each stored document's other editions, and none for a record that has none", async () => {
    for (const slug of SLUGS)
      await storeDocument(getPrisma(), contentDocument(slug), { contentHash: slug });
    const editionsOf = async (slug: string) =>
      (await otherEditions((await getDocument(slug))!, null)).map((edition) => edition.slug);
    expect(await editionsOf(SLUGS[0]!)).toEqual([SLUGS[1]]);
    expect(await editionsOf(SLUGS[1]!)).toEqual([SLUGS[0]]);
    // The web copy has no date: found through FRUS's document number.
    expect(await editionsOf(SLUGS[2]!)).toEqual([SLUGS[3]]);
    // Same day as doc. 139, which is another conversation: only the copy of 143.
    expect(await editionsOf(SLUGS[3]!)).toEqual([SLUGS[2]]);
    expect(await editionsOf(SLUGS[4]!)).toEqual([]);
    expect(await editionsOf(SLUGS[5]!)).toEqual([]);
  });

  it("never names an edition that is a course's own document to someone outside the course", async () => {
    const teacher = await getPrisma().user.create({ data: { email: "editions@example.edu" } });
    const course = await getPrisma().course.create({
      data: {
        title: "Private seminar",
        term: "Spring",
        joinCode: "EDIT1ONS",
        createdById: teacher.id,
      },
    });
    await getPrisma().document.update({
      where: { slug: SLUGS[1]! },
      data: { courseId: course.id },
    });
    const first = (await getDocument(SLUGS[0]!))!;
    expect(await otherEditions(first, null)).toEqual([]);
    const member = {
      userId: teacher.id,
      siteRole: "user" as const,
      courses: new Map([[course.id, "instructor" as const]]),
      groups: new Map(),
    };
    expect((await otherEditions(first, member)).map((edition) => edition.slug)).toEqual([SLUGS[1]]);
  });
});

describe("otherEditions, asked on every page view", () => {
  // The comparison of two texts is kept per pair of versions: a re-import that changes one text
  // must be compared again.
  it("stops suggesting an edition once its text is imported again with other words", async () => {
    const [first, second] = [SLUGS[0]!, SLUGS[1]!];
    await getPrisma().document.update({ where: { slug: second }, data: { courseId: null } });
    const editionsOf = async (slug: string) =>
      (await otherEditions((await getDocument(slug))!, null)).map((edition) => edition.slug);
    expect(await editionsOf(first)).toEqual([second]);
    const rewritten = contentDocument(second);
    const turns = rewritten.turns.map((turn, index) => ({
      ...turn,
      text: `Entirely different words, number ${index}, about fisheries and weather.`,
    }));
    await storeDocument(
      getPrisma(),
      { ...rewritten, turns },
      { contentHash: `${second}-rewritten` },
    );
    expect(await editionsOf(first)).toEqual([]);
  });
});
