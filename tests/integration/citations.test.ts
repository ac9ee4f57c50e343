import { afterEach, describe, expect, it } from "vitest";
import { GET } from "@/app/api/documents/[slug]/citations/route";
import { getPrisma } from "@/lib/db";
import { storeDocument } from "@/lib/library/store";
import { contentDocument } from "@/tests/unit/citations/content-document";

const LIAO = "1959-09-14-liao-ishibashi-third-conversation";

async function cite(slug: string, query = "") {
  const response = await GET(
    new Request(`http://127.0.0.1:3000/api/documents/${slug}/citations${query}`),
    { params: Promise.resolve({ slug }) },
  );
  return { status: response.status, body: await response.json() };
}

describe("GET /api/documents/<slug>/citations", () => {
  const authUrl = process.env.AUTH_URL;
  afterEach(() => {
    if (authUrl === undefined) delete process.env.AUTH_URL;
    else process.env.AUTH_URL = authUrl;
  });

  // Turns have no page numbers yet (the importer does not record them): the note gives the
  // document's pages from its citation.
  it("cites a stored turn with its permalink on the public site", async () => {
    await storeDocument(getPrisma(), contentDocument(LIAO), { contentHash: "c1" });
    process.env.AUTH_URL = "https://memcon.example.edu";
    const { status, body } = await cite(LIAO, "?turn=12");
    expect(status).toBe(200);
    expect(body.turn).toBe(12);
    expect(body.url).toBe(`https://memcon.example.edu/documents/${LIAO}#t-12`);
    expect(body.formats.map((format: { id: string }) => format.id)).toEqual([
      "chicago-note",
      "chicago-bibliography",
      "bibtex",
      "ris",
      "csl-json",
    ]);
    expect(body.formats[0].text).toBe(
      "Liu Meihan, trans., “Record of the Third Conversation between Comrade Liao Chengzhi and " +
        "Ishibashi Tanzan,” Transcript, September 14, 1959, PRC FMA 105-00669-02, pp. 32–37, " +
        `Wilson Center Digital Archive, https://memcon.example.edu/documents/${LIAO}#t-12.`,
    );
  });

  it("cites a passage over several turns, given in either order", async () => {
    process.env.AUTH_URL = "https://memcon.example.edu";
    for (const query of ["?turn=12-14", "?turn=14-12"]) {
      const { status, body } = await cite(LIAO, query);
      expect(status).toBe(200);
      expect([body.turn, body.through]).toEqual([12, 14]);
      expect(body.url).toBe(`https://memcon.example.edu/documents/${LIAO}#t-12`);
      const bibtex = body.formats.find((format: { id: string }) => format.id === "bibtex").text;
      expect(bibtex).toContain(`@misc{${LIAO}-t12-14,`);
      expect(bibtex).toContain("note = {Turns 12–14},");
    }
  });

  it("cites the whole document without a turn, on the request's origin without AUTH_URL", async () => {
    delete process.env.AUTH_URL;
    const { status, body } = await cite(LIAO);
    expect(status).toBe(200);
    expect(body.turn).toBeNull();
    expect(body.url).toBe(`http://127.0.0.1:3000/documents/${LIAO}`);
  });

  it("answers a bad turn with 400 and a missing one with 404, in a sentence", async () => {
    for (const query of [
      "?turn=abc",
      "?turn=0",
      "?turn=-3",
      "?turn=1.5",
      "?turn=9999999999",
      "?turn=3-",
      "?turn=3-4-5",
    ]) {
      const { status, body } = await cite(LIAO, query);
      expect(status, query).toBe(400);
      expect(body.error.message).toBe(
        "turn must be a turn number or two joined by a hyphen, as in ?turn=12 or ?turn=12-14.",
      );
    }
    expect((await cite(LIAO, "?turn=12-99999")).body.error.message).toBe(
      "That document does not have both turns 12 and 99999.",
    );
    expect(await cite(LIAO, "?turn=99999")).toEqual({
      status: 404,
      body: { error: { status: 404, message: "That document has no turn 99999." } },
    });
    expect((await cite("no-such-document", "?turn=1")).body.error.message).toBe(
      "No document has that slug.",
    );
  });
});
