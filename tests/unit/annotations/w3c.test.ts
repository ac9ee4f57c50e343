import { beforeAll, describe, expect, it } from "vitest";
import {
  fromW3C,
  toAnnotationCollection,
  toW3CAnnotation,
  type W3CAnnotation,
  type W3CReply,
} from "@/lib/annotations/export/w3c";
import { IMPORT_MESSAGES } from "@/lib/annotations/export/w3c-import";
import { parseBody } from "@/lib/richtext/body";
import { bold, bullets, doc, item, link, para, record, reply, text } from "./fixtures";
import {
  ANNOTATION_ASSERTIONS,
  BODY_ASSERTIONS,
  COLLECTION_ASSERTIONS,
  compile,
  loadSchemas,
  PAGE_ASSERTIONS,
  schemaFiles,
  SELECTOR_ASSERTIONS,
  TARGET_ASSERTIONS,
} from "./w3c-schemas";

const BASE = "https://memcon.example";
const OPTIONS = {
  baseUrl: `${BASE}/`,
  documentSlug: "frus-1961-berlin",
  documentTitle: "Vienna, June 3, 1961",
};

const records = [
  record({
    id: "a1",
    note: doc(
      para(
        text("Khrushchev "),
        text("presses", [bold]),
        text(" on "),
        text("Berlin", [link("https://history.state.gov/")]),
      ),
    ),
    tags: ["bluff", "berlin-crisis"],
  }),
  record({
    id: "a 2/ü",
    author: { id: "u 2", name: null },
    selector: {
      quote: { exact: 'a treaty,\n"free city"', prefix: "", suffix: "" },
      positions: [
        { turnAnchor: 12, start: 40, end: 120 },
        { turnAnchor: 13, start: 0, end: 88 },
        { turnAnchor: 14, start: 0, end: 10 },
      ],
    },
    note: doc(bullets(item(para(text("first"))), item(para(text("second"))))),
  }),
  record({
    id: "orphan",
    orphaned: true,
    selector: {
      quote: { exact: "words that vanished", prefix: "some ", suffix: " here" },
      positions: [{ turnAnchor: 9, start: 1, end: 20 }],
    },
    tags: ["lost"],
  }),
];

describe("W3C export against the web-platform-tests JSON schemas", () => {
  it("finds all 21 schema files", () => {
    expect(schemaFiles()).toHaveLength(21);
  });

  // Draft-04 ignores keywords beside $ref; later drafts apply them. The export passes both ways.
  describe.each(["ignore", "apply"] as const)("keywords beside $ref: %s", (refSiblings) => {
    let check: Record<string, (value: unknown) => string[]>;
    beforeAll(() => {
      const ajv = loadSchemas(refSiblings);
      check = {
        annotation: compile(ajv, ANNOTATION_ASSERTIONS),
        body: compile(ajv, BODY_ASSERTIONS),
        target: compile(ajv, TARGET_ASSERTIONS),
        selector: compile(ajv, SELECTOR_ASSERTIONS),
        collection: compile(ajv, COLLECTION_ASSERTIONS),
        page: compile(ajv, PAGE_ASSERTIONS),
      };
    });

    const collection = toAnnotationCollection(records, OPTIONS);

    it("the collection and its page", () => {
      expect(check.collection!(collection)).toEqual([]);
      expect(check.page!(collection.first)).toEqual([]);
    });

    it("an empty collection", () => {
      const empty = toAnnotationCollection([], OPTIONS);
      expect(check.collection!(empty)).toEqual([]);
      expect(check.page!(empty.first)).toEqual([]);
    });

    it.each(records.map((r) => [r.id, r] as const))(
      "annotation %s, standalone and as a page item",
      (_id, r) => {
        const standalone = toW3CAnnotation(r, BASE);
        const item = collection.first.items.find((i) => i.id === standalone.id) as W3CAnnotation;
        // An item inherits the collection's @context.
        for (const annotation of [standalone, { "@context": collection["@context"], ...item }]) {
          expect(check.annotation!(annotation)).toEqual([]);
          for (const body of [annotation.body].flat()) expect(check.body!(body)).toEqual([]);
          expect(check.target!(annotation.target)).toEqual([]);
          for (const selector of annotation.target.selector) {
            expect(check.selector!(selector)).toEqual([]);
            if ("refinedBy" in selector) expect(check.selector!(selector.refinedBy)).toEqual([]);
          }
        }
      },
    );

    it("the checks do fail on broken annotations", () => {
      const good = toW3CAnnotation(records[0]!, BASE);
      const broken: unknown[] = [
        { ...good, "@context": "http://example.com/context" },
        { ...good, type: "Note" },
        { ...good, id: "not a uri" },
        { ...good, created: "yesterday" },
        { ...good, motivation: "liking" },
        { ...good, bodyValue: "both" },
        { ...good, creator: [good.creator, good.creator] },
      ];
      for (const annotation of broken) expect(check.annotation!(annotation)).not.toEqual([]);
      expect(check.selector!({ type: "TextQuoteSelector", prefix: "x" })).not.toEqual([]);
      expect(check.selector!({ type: "TextPositionSelector", start: -1, end: 2 })).not.toEqual([]);
      expect(check.body!({ type: "TextualBody", value: "x", purpose: "shouting" })).not.toEqual([]);
      expect(check.collection!({ ...collection, total: -1 })).not.toEqual([]);
      expect(check.collection!({ ...collection, first: undefined })).not.toEqual([]);
      expect(check.page!({ ...collection.first, items: [{ type: "Note" }] })).not.toEqual([]);
    });
  });
});

describe("toAnnotationCollection", () => {
  const collection = toAnnotationCollection(records, OPTIONS);
  const [first, second, orphan] = collection.first.items as [
    W3CAnnotation,
    W3CAnnotation,
    W3CAnnotation,
  ];

  it("describes the collection", () => {
    expect(collection).toMatchObject({
      "@context": "http://www.w3.org/ns/anno.jsonld",
      id: `${BASE}/api/documents/frus-1961-berlin/annotations?format=jsonld`,
      type: "AnnotationCollection",
      label: "Annotations on Vienna, June 3, 1961",
      total: 3,
      first: {
        type: "AnnotationPage",
        partOf: `${BASE}/api/documents/frus-1961-berlin/annotations?format=jsonld`,
        startIndex: 0,
      },
    });
    expect(collection.first.items).toHaveLength(3);
  });

  it("writes an annotation with body, tags, creator and selectors", () => {
    expect(first).toEqual({
      id: `${BASE}/api/annotations/a1`,
      type: "Annotation",
      motivation: "commenting",
      created: "2024-05-03T10:15:00.000Z",
      modified: "2024-05-04T08:00:00.000Z",
      creator: { id: `${BASE}/users/user1`, type: "Person", name: "Ada Lovelace" },
      body: [
        {
          type: "TextualBody",
          value: records[0]!.bodyHtml,
          format: "text/html",
          purpose: "commenting",
        },
        { type: "TextualBody", value: "bluff", purpose: "tagging" },
        { type: "TextualBody", value: "berlin-crisis", purpose: "tagging" },
      ],
      target: {
        source: `${BASE}/documents/frus-1961-berlin`,
        selector: [
          {
            type: "TextQuoteSelector",
            exact: "the question of Berlin",
            prefix: "We discussed ",
            suffix: " at length.",
          },
          {
            type: "FragmentSelector",
            value: "t-12",
            conformsTo: "http://tools.ietf.org/rfc/rfc3986",
            refinedBy: { type: "TextPositionSelector", start: 13, end: 35 },
          },
        ],
      },
    });
    expect("@context" in first).toBe(false);
  });

  it("one fragment per turn; ids are URL-encoded; a nameless author has no name", () => {
    expect(second.id).toBe(`${BASE}/api/annotations/a%202%2F%C3%BC`);
    expect(second.creator).toEqual({ id: `${BASE}/users/u%202`, type: "Person" });
    expect(second.body).toEqual({
      type: "TextualBody",
      value: records[1]!.bodyHtml,
      format: "text/html",
      purpose: "commenting",
    });
    expect(
      second.target.selector.map((s) => (s.type === "FragmentSelector" ? s.value : s.type)),
    ).toEqual(["TextQuoteSelector", "t-12", "t-13", "t-14"]);
  });

  it("an orphan keeps its quote only, and says it is one", () => {
    expect(orphan.orphaned).toBe(true);
    expect(orphan.target.selector).toEqual([
      { type: "TextQuoteSelector", exact: "words that vanished", prefix: "some ", suffix: " here" },
    ]);
    expect("orphaned" in first).toBe(false);
  });
});

describe("a note's discussion, speakers and citation in the W3C export", () => {
  const discussed = record({
    id: "n1",
    speakers: [{ turnAnchor: 12, speaker: "Liao Chengzhi" }],
    replies: [
      reply({ id: "r2", parentId: "r1", text: "Answer to the answer", at: "2026-11-03" }),
      reply({ id: "r1", parentId: null, text: "First answer", at: "2026-11-02" }),
      reply({ id: "r3", parentId: null, text: "", at: "2026-11-04", deleted: true }),
    ],
  });
  const collection = toAnnotationCollection([discussed], {
    ...OPTIONS,
    citations: new Map([["frus-1961-berlin", "FRUS 1961–1963, vol. V, doc. 87"]]),
  });
  const [note, first, second, deleted] = collection.first.items as [
    W3CAnnotation,
    W3CReply,
    W3CReply,
    W3CReply,
  ];

  it("follows each note with its replies in thread order, counted in total", () => {
    expect(collection.total).toBe(4);
    expect(collection.first.items.map((item) => item.id)).toEqual([
      `${BASE}/api/annotations/n1`,
      `${BASE}/api/annotations/n1#reply-r1`,
      `${BASE}/api/annotations/n1#reply-r2`,
      `${BASE}/api/annotations/n1#reply-r3`,
    ]);
  });

  it("a reply is an annotation replying to the note or reply it answers", () => {
    expect(first).toEqual({
      id: `${BASE}/api/annotations/n1#reply-r1`,
      type: "Annotation",
      motivation: "replying",
      created: "2026-11-02T12:00:00.000Z",
      modified: "2026-11-02T12:00:00.000Z",
      creator: { id: `${BASE}/users/u-ben`, type: "Person", name: "Ben" },
      body: {
        type: "TextualBody",
        value: "<p>First answer</p>",
        format: "text/html",
        purpose: "replying",
      },
      target: `${BASE}/api/annotations/n1`,
    });
    expect(second.target).toBe(first.id);
    expect(deleted).toMatchObject({
      deleted: true,
      body: { type: "TextualBody", value: "Reply deleted.", format: "text/plain" },
    });
  });

  it("names the speakers and cites the document on the note's target", () => {
    expect(note.speakers).toEqual(["Liao Chengzhi"]);
    expect(note.target["dcterms:bibliographicCitation"]).toBe("FRUS 1961–1963, vol. V, doc. 87");
  });

  it.each(["ignore", "apply"] as const)(
    "every item still passes the W3C schemas (keywords beside $ref: %s)",
    (refSiblings) => {
      const ajv = loadSchemas(refSiblings);
      const annotation = compile(ajv, ANNOTATION_ASSERTIONS);
      const body = compile(ajv, BODY_ASSERTIONS);
      const target = compile(ajv, TARGET_ASSERTIONS);
      expect(compile(ajv, COLLECTION_ASSERTIONS)(collection)).toEqual([]);
      expect(compile(ajv, PAGE_ASSERTIONS)(collection.first)).toEqual([]);
      for (const item of collection.first.items) {
        expect(annotation({ "@context": collection["@context"], ...item })).toEqual([]);
        for (const each of [item.body].flat()) expect(body(each)).toEqual([]);
      }
      expect(target(note.target)).toEqual([]);
    },
  );

  it("an import of the export brings back the notes and leaves the replies out", () => {
    const read = fromW3C(JSON.parse(JSON.stringify(collection)) as unknown);
    expect(read).toMatchObject({ ok: true, problems: [] });
    expect(read.ok && read.items).toHaveLength(1);
  });
});

describe("fromW3C", () => {
  it("round trip: selectors, tags and text come back", () => {
    const json = JSON.parse(JSON.stringify(toAnnotationCollection(records, OPTIONS))) as unknown;
    const result = fromW3C(json);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.problems).toEqual([]);
    expect(result.items).toHaveLength(3);
    records.forEach((r, i) => {
      const imported = result.items[i]!;
      expect(imported.selector).toEqual(
        r.orphaned ? { quote: r.selector.quote, positions: [] } : r.selector,
      );
      expect(imported.tags).toEqual(r.tags);
      expect(imported.bodyText).toBe(r.bodyText);
      expect(imported.bodyHtml).toBe(r.bodyHtml);
      expect(imported.created).toBe(r.createdAt.toISOString());
    });
  });

  it("reads the JSON text of a file too", () => {
    const result = fromW3C(JSON.stringify(toAnnotationCollection(records, OPTIONS)));
    expect(result.ok && result.items.length).toBe(3);
    expect(fromW3C("{not json")).toEqual({ ok: false, error: IMPORT_MESSAGES.notJson });
  });

  it("reads a page, a single annotation and an array", () => {
    const collection = toAnnotationCollection(records, OPTIONS);
    expect(fromW3C(collection.first)).toMatchObject({ ok: true, items: { length: 3 } });
    expect(fromW3C(toW3CAnnotation(records[0]!, BASE))).toMatchObject({
      ok: true,
      items: { length: 1 },
    });
    expect(fromW3C(collection.first.items)).toMatchObject({ ok: true, items: { length: 3 } });
    expect(fromW3C(toAnnotationCollection([], OPTIONS))).toEqual({
      ok: true,
      items: [],
      problems: [],
    });
  });

  it("follows embedded next pages; refuses linked ones", () => {
    const items = toAnnotationCollection(records, OPTIONS).first.items;
    const page2 = { type: "AnnotationPage", items: items.slice(1) };
    const page1 = { type: "AnnotationPage", items: items.slice(0, 1), next: page2 };
    expect(fromW3C({ type: "AnnotationCollection", first: page1 })).toMatchObject({
      ok: true,
      items: { length: 3 },
    });
    expect(fromW3C({ ...page1, next: "https://elsewhere.example/page2" })).toEqual({
      ok: false,
      error: IMPORT_MESSAGES.linkedPage,
    });
    expect(
      fromW3C({ type: "AnnotationCollection", first: "https://elsewhere.example/page1" }),
    ).toEqual({
      ok: false,
      error: IMPORT_MESSAGES.linkedPage,
    });
  });

  it("accepts the lenient shapes of other tools (single values, bodyValue, plain text)", () => {
    const result = fromW3C({
      "@context": "http://www.w3.org/ns/anno.jsonld",
      type: ["Annotation"],
      bodyValue: "Line one\n<script>alert(1)</script>",
      body: [
        { value: "#cold-war ", purpose: ["tagging"] },
        { value: "cold-war", purpose: "tagging" },
      ],
      target: {
        source: "https://example.com/doc",
        selector: { type: "TextQuoteSelector", exact: "Berlin" },
      },
      created: "2020-01-02T03:04:05+01:00",
    });
    expect(result).toEqual({
      ok: true,
      problems: [],
      items: [
        {
          selector: { quote: { exact: "Berlin", prefix: "", suffix: "" }, positions: [] },
          bodyHtml: "<p>Line one</p><p>&lt;script&gt;alert(1)&lt;/script&gt;</p>",
          bodyText: "Line one\n<script>alert(1)</script>",
          tags: ["cold-war"],
          created: "2020-01-02T02:04:05.000Z",
        },
      ],
    });
  });

  it("sanitizes imported HTML bodies", () => {
    const annotation = {
      ...toW3CAnnotation(records[0]!, BASE),
      body: {
        type: "TextualBody",
        format: "text/html",
        value:
          '<p onclick="x">Hi <a href="javascript:alert(1)">there</a><script>alert(1)</script><img src=x onerror=alert(1)></p>',
      },
    };
    const result = fromW3C(annotation);
    expect(result.ok && result.items[0]).toMatchObject({
      bodyHtml: "<p>Hi <a>there</a></p>",
      bodyText: "Hi there",
    });
  });

  it("skips bad items, keeps the good ones, and says why", () => {
    const good = toW3CAnnotation(records[0]!, BASE);
    const result = fromW3C([
      good,
      "https://elsewhere.example/anno/1",
      42,
      { ...good, id: "https://x.example/2", type: "Note" },
      { ...good, id: "https://x.example/3", target: "https://example.com/doc" },
      {
        ...good,
        id: "https://x.example/4",
        target: { source: "x", selector: { type: "TextQuoteSelector", exact: "" } },
      },
      {
        ...good,
        id: "https://x.example/5",
        body: { type: "TextualBody", value: "tag", purpose: "tagging" },
      },
      { ...good, id: "https://x.example/6", body: "https://example.com/external-note" },
      {
        ...good,
        id: "https://x.example/7",
        body: { type: "TextualBody", value: "x".repeat(10_001) },
      },
      {
        ...good,
        id: "https://x.example/8",
        target: {
          source: "x",
          selector: [
            { type: "TextQuoteSelector", exact: "q" },
            {
              type: "FragmentSelector",
              value: "t-0",
              refinedBy: { type: "TextPositionSelector", start: 0, end: 1 },
            },
            {
              type: "FragmentSelector",
              value: "t-3",
              refinedBy: { type: "TextPositionSelector", start: 5, end: 1 },
            },
            { type: "FragmentSelector", value: "t-4" },
            {
              type: "FragmentSelector",
              value: "#t-5",
              refinedBy: [{ type: "TextPositionSelector", start: 2, end: 3 }],
            },
          ],
        },
      },
    ]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.items).toHaveLength(2);
    expect(result.items[1]!.selector.positions).toEqual([{ turnAnchor: 5, start: 2, end: 3 }]);
    expect(result.problems).toEqual([
      { index: 1, error: `Annotation 2: ${IMPORT_MESSAGES.linkOnly}` },
      { index: 2, error: `Annotation 3: ${IMPORT_MESSAGES.notObject}` },
      {
        index: 3,
        id: "https://x.example/2",
        error: `Annotation 4 (https://x.example/2): its type is "Note", not "Annotation".`,
      },
      {
        index: 4,
        id: "https://x.example/3",
        error: `Annotation 5 (https://x.example/3): ${IMPORT_MESSAGES.noQuote}`,
      },
      {
        index: 5,
        id: "https://x.example/4",
        error: `Annotation 6 (https://x.example/4): ${IMPORT_MESSAGES.noQuote}`,
      },
      {
        index: 6,
        id: "https://x.example/5",
        error: `Annotation 7 (https://x.example/5): ${IMPORT_MESSAGES.noNote}`,
      },
      {
        index: 7,
        id: "https://x.example/6",
        error: `Annotation 8 (https://x.example/6): ${IMPORT_MESSAGES.noNote}`,
      },
      {
        index: 8,
        id: "https://x.example/7",
        error:
          "Annotation 9 (https://x.example/7): its note is too long: 10,001 characters, at most 10,000.",
      },
    ]);
  });

  it("fails as a whole when nothing can be imported or the file is something else", () => {
    expect(fromW3C([{ type: "Annotation" }])).toEqual({
      ok: false,
      error: `None of the 1 annotations could be imported. Annotation 1: ${IMPORT_MESSAGES.noQuote}`,
    });
    for (const json of [null, 42, { type: "Person" }, { hello: "world" }]) {
      expect(fromW3C(json)).toEqual({ ok: false, error: IMPORT_MESSAGES.notW3C });
    }
    expect(fromW3C({ type: "AnnotationPage" })).toEqual({
      ok: false,
      error: IMPORT_MESSAGES.noItems,
    });
    const many = Array.from({ length: 5_001 }, () => ({}));
    expect(fromW3C(many)).toEqual({ ok: false, error: IMPORT_MESSAGES.tooMany });
  });

  it("imported HTML renders the same as a note written in the editor", () => {
    const body = parseBody(doc(para(text("same "), text("text", [bold]))));
    if (!body.ok) throw new Error(body.error);
    const result = fromW3C({
      ...toW3CAnnotation(records[0]!, BASE),
      body: { type: "TextualBody", format: "text/html", value: body.html },
    });
    expect(result.ok && result.items[0]!.bodyHtml).toBe(body.html);
  });
});
