import { describe, expect, it } from "vitest";
import { parseBody } from "@/lib/richtext/body";
import { nameSchema } from "@/lib/validations/auth";
import { courseSchema, groupSchema } from "@/lib/validations/course";
import { singleLine, withoutNul } from "@/lib/validations/text";

// PostgreSQL refuses U+0000 ("invalid byte sequence for encoding UTF8: 0x00"): a NUL in a name,
// a title or a note used to fail the save with a server error instead of being stored.

describe("control characters never reach the database", () => {
  it("strips NUL and flattens one-line fields", () => {
    expect(withoutNul("java\u0000script")).toBe("javascript");
    expect(singleLine("Ada\u0000 \tBrooks\r\n\u001b[31m\u007f")).toBe("Ada  Brooks  [31m");
  });

  it("display names, course titles and group names lose them", () => {
    expect(nameSchema.parse("<scr\u0000ipt>alert(1)</scr\u0000ipt>")).toBe(
      "<script>alert(1)</script>",
    );
    expect(courseSchema.parse({ title: "Cold\u0000 War\n", term: "Spring\t2027" })).toEqual({
      title: "Cold War",
      term: "Spring 2027",
    });
    expect(groupSchema.parse({ name: "Group\u0000 A" })).toEqual({ name: "Group A" });
  });

  it("a name of control characters only is refused with the usual message", () => {
    const result = nameSchema.safeParse("\u0000\u0001\n");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("Enter your name.");
  });

  it("note bodies lose NUL in their text and in the stored document", () => {
    const result = parseBody({
      type: "doc",
      content: [{ type: "paragraph", content: [{ type: "text", text: "java\u0000script:x" }] }],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.text).toBe("javascript:x");
    expect(JSON.stringify(result.doc)).not.toContain("\\u0000");
    expect(result.html).toBe("<p>javascript:x</p>");
  });

  it("a text part that was only NUL is refused as empty", () => {
    const result = parseBody({
      type: "doc",
      content: [{ type: "paragraph", content: [{ type: "text", text: "\u0000" }] }],
    });
    expect(result.ok).toBe(false);
  });
});
