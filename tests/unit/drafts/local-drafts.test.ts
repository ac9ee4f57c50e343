import { describe, expect, it } from "vitest";
import {
  draftKey,
  hasText,
  listDrafts,
  newClientId,
  readDraft,
  removeDraft,
  retryDelay,
  writeDraft,
  type DraftTarget,
  type StoredDraft,
} from "@/lib/browser/local-drafts";

/** localStorage's interface over a Map; `full` makes every write throw as a full quota does. */
class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  full = false;
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    if (this.full) throw new DOMException("quota", "QuotaExceededError");
    this.items.set(key, value);
  }
}

const note = (text: string) => ({
  type: "doc",
  content: [{ type: "paragraph", content: text ? [{ type: "text", text }] : [] }],
});
const selection: DraftTarget = {
  kind: "new",
  range: { start: { turnAnchor: 5, offset: 3 }, end: { turnAnchor: 6, offset: 10 } },
  quote: "bases in Japan",
};
const draft = (target: DraftTarget, text: string, updatedAt: number): StoredDraft => ({
  target,
  body: note(text),
  updatedAt,
});

describe("draftKey", () => {
  it("separates users, documents and places", () => {
    const keys = [
      draftKey("ada", "liao", selection),
      draftKey("ben", "liao", selection),
      draftKey("ada", "other", selection),
      draftKey("ada", "liao", { kind: "document" }),
      draftKey("ada", "liao", { kind: "edit", annotationId: "a1" }),
      draftKey("ada", "liao", { kind: "reply", annotationId: "a1", parentId: null }),
      draftKey("ada", "liao", { kind: "reply", annotationId: "a1", parentId: "r1" }),
    ];
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys[0]).toBe("memcon:draft:v1:ada:liao:new:5.3-6.10");
  });

  it("cannot be confused by ids containing the separator", () => {
    expect(draftKey("a:b", "c", { kind: "document" })).not.toBe(
      draftKey("a", "b:c", { kind: "document" }),
    );
  });
});

describe("storage", () => {
  it("writes, reads back and removes a draft", () => {
    const storage = new MemoryStorage();
    const key = draftKey("ada", "liao", selection);
    expect(writeDraft(storage, key, draft(selection, "Kept.", 1))).toBe(true);
    expect(readDraft(storage, key)).toEqual(draft(selection, "Kept.", 1));
    removeDraft(storage, key);
    expect(readDraft(storage, key)).toBeNull();
  });

  it("says so when the browser refuses to keep it", () => {
    const storage = new MemoryStorage();
    storage.full = true;
    expect(writeDraft(storage, "k", draft(selection, "x", 1))).toBe(false);
  });

  it.each(["not json", "null", "42", '{"body":1}', '{"target":{"kind":"document"}}'])(
    "ignores an entry it did not write: %s",
    (raw) => {
      const storage = new MemoryStorage();
      storage.setItem("k", raw);
      expect(readDraft(storage, "k")).toBeNull();
    },
  );

  it("lists one user's drafts on one document, newest first", () => {
    const storage = new MemoryStorage();
    const put = (user: string, slug: string, target: DraftTarget, at: number) =>
      writeDraft(storage, draftKey(user, slug, target), draft(target, `at ${at}`, at));
    put("ada", "liao", selection, 1);
    put("ada", "liao", { kind: "document" }, 3);
    put("ada", "liao", { kind: "reply", annotationId: "a1", parentId: null }, 2);
    put("ben", "liao", { kind: "document" }, 9);
    put("ada", "other", { kind: "document" }, 8);
    storage.setItem("unrelated", "x");
    expect(listDrafts(storage, "ada", "liao").map((item) => item.draft.updatedAt)).toEqual([
      3, 2, 1,
    ]);
  });
});

describe("hasText", () => {
  it.each([
    [note("words"), true],
    [note(""), false],
    [note("   "), false],
    [{ type: "doc", content: [{ type: "bulletList", content: [{ content: [note("x")] }] }] }, true],
    [undefined, false],
    ["a string", false],
  ])("%j -> %s", (body, expected) => {
    expect(hasText(body)).toBe(expected);
  });
});

describe("newClientId", () => {
  it("is what the create paths accept, and never repeats", () => {
    const ids = Array.from({ length: 500 }, newClientId);
    for (const id of ids) expect(id).toMatch(/^[a-f0-9]{32}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("retryDelay", () => {
  it("backs off from 5 s to at most a minute", () => {
    expect([0, 1, 2, 3, 4, 5, 10].map(retryDelay)).toEqual([
      5_000, 10_000, 20_000, 40_000, 60_000, 60_000, 60_000,
    ]);
  });
});
