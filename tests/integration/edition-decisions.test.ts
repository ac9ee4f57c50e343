import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/permissions";
import { getPrisma } from "@/lib/db";
import { decideEditions } from "@/lib/editions/decisions";
import { otherEditions } from "@/lib/editions/other-editions";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { getDocument } from "@/lib/library/document";
import { storeDocument } from "@/lib/library/store";
import { contentDocument } from "@/tests/unit/citations/content-document";

// Seed 003 ("The World and Japan" database) and FRUS 1955–1957 vol. XXIII part 1 document 102
// are detected as editions of one record; an editor confirms or rejects the pair.
const SEED_003 = "1956-09-07-japanese-soviet-negotiations";
const D102 = "1956-09-07-dulles-memorandum-conversation";
const D139 = "1960-01-19-memorandum-conversation-us-japanese-economic-problems";

let editor: Viewer;
let reader: Viewer;
const editionsOf = async (slug: string, viewer: Viewer | null) =>
  (await otherEditions((await getDocument(slug))!, viewer)).map(({ slug, status, canDecide }) => ({
    slug,
    status,
    canDecide,
  }));

beforeAll(async () => {
  for (const slug of [SEED_003, D102, D139])
    await storeDocument(getPrisma(), contentDocument(slug), { contentHash: slug });
  const [admin, user] = await Promise.all(
    ["eddie", "rita"].map((name) =>
      getPrisma().user.create({ data: { email: `${name}@editions.example.edu` } }),
    ),
  );
  editor = { userId: admin!.id, siteRole: "admin", courses: new Map(), groups: new Map() };
  reader = { userId: user!.id, siteRole: "user", courses: new Map(), groups: new Map() };
});

describe("editors' decisions on detected editions", () => {
  it("a detected pair is suggested until an editor confirms it, then confirmed from both sides", async () => {
    expect(await editionsOf(SEED_003, reader)).toEqual([
      { slug: D102, status: "suggested", canDecide: false },
    ]);
    expect(await editionsOf(SEED_003, editor)).toEqual([
      { slug: D102, status: "suggested", canDecide: true },
    ]);
    await expect(
      decideEditions(getPrisma(), reader, { slug: SEED_003, other: D102, decision: "confirmed" }),
    ).rejects.toThrow(ForbiddenError);
    expect(
      await decideEditions(getPrisma(), editor, {
        slug: D102,
        other: SEED_003,
        decision: "confirmed",
      }),
    ).toEqual({ ok: true, value: { status: "confirmed" } });
    expect(await editionsOf(SEED_003, null)).toEqual([
      { slug: D102, status: "confirmed", canDecide: false },
    ]);
    expect(await editionsOf(D102, null)).toEqual([
      { slug: SEED_003, status: "confirmed", canDecide: false },
    ]);
    expect(await getPrisma().editionLink.count()).toBe(1);
  });

  it("a rejected pair is no longer suggested to readers; editors see it and may withdraw it", async () => {
    await decideEditions(getPrisma(), editor, {
      slug: SEED_003,
      other: D102,
      decision: "rejected",
    });
    expect(await editionsOf(SEED_003, reader)).toEqual([]);
    expect(await editionsOf(SEED_003, editor)).toEqual([
      { slug: D102, status: "rejected", canDecide: true },
    ]);
    await decideEditions(getPrisma(), editor, {
      slug: SEED_003,
      other: D102,
      decision: "undecided",
    });
    expect(await editionsOf(SEED_003, reader)).toEqual([
      { slug: D102, status: "suggested", canDecide: false },
    ]);
  });

  it("an editor may confirm a pair the detection missed; bad input is a sentence", async () => {
    await decideEditions(getPrisma(), editor, {
      slug: SEED_003,
      other: D139,
      decision: "confirmed",
    });
    expect((await editionsOf(D139, null)).map((e) => [e.slug, e.status])).toEqual([
      [SEED_003, "confirmed"],
    ]);
    expect(
      await decideEditions(getPrisma(), editor, { slug: SEED_003, other: D139, decision: "maybe" }),
    ).toMatchObject({ ok: false, error: "Confirm, reject or withdraw the decision." });
    expect(
      await decideEditions(getPrisma(), editor, { slug: D139, other: D139, decision: "confirmed" }),
    ).toMatchObject({ ok: false });
    await expect(
      decideEditions(getPrisma(), editor, { slug: "../x", other: D139, decision: "confirmed" }),
    ).rejects.toThrow(NotFoundError);
  });
});
