// Benchmark data: generated from a fixed seed and written with bulk SQL (INSERT ... SELECT FROM
// unnest(...)), so 20,000 annotations with their replies and votes load in seconds. Shapes are the
// app's own: selectors come from lib/anchoring's describeSelection, bodies from
// lib/richtext/body's parseBody (validated Tiptap JSON, its sanitized HTML and plain text).
import { createHash, randomBytes } from "node:crypto";
import type pg from "pg";
import { describeSelection } from "@/lib/anchoring";
import { parseBody, type BlockNode, type InlineNode, type TiptapDoc } from "@/lib/richtext/body";

/** mulberry32: a small, fast, seedable PRNG (same seed, same data). */
export function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  return { next, int, pick };
}
type Rng = ReturnType<typeof prng>;

const WORDS = (
  "the government delegation trade agreement relations normalisation treaty bases security " +
  "question position prime minister foreign ministry people friendship exchange memorandum " +
  "liaison office fishery coal steel yen credit payment reparations embassy consul recognition " +
  "taiwan peking tokyo washington moscow conference principle mutual interest peace cooperation " +
  "we you they must should cannot will would believe think understand consider propose " +
  "discuss agree hope regret explain insist accept refuse continue examine study report " +
  "important difficult necessary possible unfortunate friendly serious political economic " +
  "cultural private official unofficial direct indirect formal informal immediate gradual " +
  "of to in on for with by from about between under against without concerning regarding " +
  "and but or because although however therefore moreover while since unless if when"
).split(" ");
const SPEAKERS = [
  { key: "liao", name: "Liao Chengzhi", label: "Liao", role: "Chinese People's Institute" },
  { key: "ishibashi", name: "Ishibashi Tanzan", label: "Ishibashi", role: "former Prime Minister" },
  { key: "interp", name: "Interpreter", label: "Interpreter", role: null },
  { key: "uno", name: "Uno Sosuke", label: "Uno", role: "member of the Diet" },
];
const TAGS = [
  "bases",
  "trade",
  "taiwan",
  "recognition",
  "tone",
  "translation",
  "question",
  "evidence",
  "context",
  "rhetoric",
];

function sentence(rng: Rng) {
  const words = Array.from({ length: rng.int(6, 22) }, () => rng.pick(WORDS));
  words[0] = words[0]!.charAt(0).toUpperCase() + words[0]!.slice(1);
  return `${words.join(" ")}${rng.pick([".", ".", ".", "?", ";"])}`;
}

function turnText(rng: Rng) {
  return Array.from({ length: rng.int(1, 5) }, () => sentence(rng)).join(" ");
}

/** A note as the editor writes one: paragraphs with some marks, sometimes a list or a quote. */
function noteDoc(rng: Rng, short = false): TiptapDoc {
  const inline = (): InlineNode[] => {
    const pieces: InlineNode[] = [{ type: "text", text: sentence(rng) }];
    const roll = rng.next();
    if (roll < 0.2)
      pieces.push({ type: "text", text: ` ${rng.pick(WORDS)}`, marks: [{ type: "bold" }] });
    else if (roll < 0.35)
      pieces.push({
        type: "text",
        text: ` ${rng.pick(WORDS)} ${rng.pick(WORDS)}`,
        marks: [{ type: "italic" }],
      });
    else if (roll < 0.42)
      pieces.push({
        type: "text",
        text: " (source)",
        marks: [
          { type: "link", attrs: { href: `https://archive.example.edu/doc/${rng.int(1, 9999)}` } },
        ],
      });
    if (rng.next() < 0.5) pieces.push({ type: "text", text: ` ${sentence(rng)}` });
    return pieces;
  };
  const blocks: BlockNode[] = [{ type: "paragraph", content: inline() }];
  if (!short) {
    const roll = rng.next();
    if (roll < 0.15)
      blocks.push({
        type: "bulletList",
        content: Array.from({ length: rng.int(2, 4) }, () => ({
          type: "listItem" as const,
          content: [
            {
              type: "paragraph" as const,
              content: [{ type: "text" as const, text: sentence(rng) }],
            },
          ],
        })),
      });
    else if (roll < 0.25)
      blocks.push({ type: "blockquote", content: [{ type: "paragraph", content: inline() }] });
    else if (roll < 0.6) blocks.push({ type: "paragraph", content: inline() });
  }
  return { type: "doc", content: blocks };
}

export interface BenchUser {
  id: string;
  name: string;
  course: number;
  /** Index of the reading group within the course; -1 for the instructor. */
  group: number;
  instructor: boolean;
}

export interface Population {
  users: BenchUser[];
  courseIds: string[];
  groupIds: string[][];
}

const COURSES = 10;
const USERS_PER_COURSE = 30;
const GROUPS_PER_COURSE = 3;

export const id = (prefix: string, n: number) => `bn${prefix}${n.toString(36).padStart(6, "0")}`;
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** INSERT ... SELECT * FROM unnest($1::type[], ...) in batches: one round trip per batch. */
async function bulkInsert(
  client: pg.Client,
  table: string,
  columns: [name: string, type: string, cast?: string][],
  rows: unknown[][],
  batch = 5000,
) {
  const names = columns.map(([name]) => `"${name}"`).join(", ");
  const params = columns.map(([, type], index) => `$${index + 1}::${type}[]`).join(", ");
  // unnest() cannot carry arrays of uneven length (tags): those travel as text and are cast.
  const values = columns.map(([, , cast], index) => (cast ? `c${index}::${cast}` : `c${index}`));
  const aliases = columns.map((_, index) => `c${index}`).join(", ");
  const sql = `INSERT INTO "${table}" (${names}) SELECT ${values.join(", ")} FROM unnest(${params}) AS u(${aliases})`;
  for (let start = 0; start < rows.length; start += batch) {
    const slice = rows.slice(start, start + batch);
    await client.query(
      sql,
      columns.map((_, index) => slice.map((row) => row[index])),
    );
  }
}

/** 300 users in 10 courses (1 instructor + 29 students, 3 reading groups each). */
export async function createPopulation(client: pg.Client): Promise<Population> {
  const users: BenchUser[] = [];
  const courseIds = Array.from({ length: COURSES }, (_, c) => id("c", c));
  const groupIds = courseIds.map((_, c) =>
    Array.from({ length: GROUPS_PER_COURSE }, (_, g) => id("g", c * GROUPS_PER_COURSE + g)),
  );
  for (let c = 0; c < COURSES; c++) {
    for (let u = 0; u < USERS_PER_COURSE; u++) {
      const n = c * USERS_PER_COURSE + u;
      users.push({
        id: id("u", n),
        name: `Reader ${n}`,
        course: c,
        group: u === 0 ? -1 : (u - 1) % GROUPS_PER_COURSE,
        instructor: u === 0,
      });
    }
  }
  await bulkInsert(
    client,
    "User",
    [
      ["id", "text"],
      ["name", "text"],
      ["email", "text"],
      ["siteRole", '"SiteRole"'],
      ["updatedAt", "timestamp"],
    ],
    users.map((user) => [
      user.id,
      user.name,
      `${user.id}@bench.memcon.test`,
      user.instructor ? "instructor" : "user",
      new Date(),
    ]),
  );
  await bulkInsert(
    client,
    "Course",
    [
      ["id", "text"],
      ["title", "text"],
      ["term", "text"],
      ["joinCode", "text"],
      ["createdById", "text"],
      ["updatedAt", "timestamp"],
    ],
    courseIds.map((courseId, c) => [
      courseId,
      `Seminar ${c + 1}`,
      "Bench term",
      `BENCH-${c}`,
      users[c * USERS_PER_COURSE]!.id,
      new Date(),
    ]),
  );
  await bulkInsert(
    client,
    "Group",
    [
      ["id", "text"],
      ["courseId", "text"],
      ["name", "text"],
    ],
    groupIds.flatMap((ids, c) =>
      ids.map((groupId, g) => [groupId, courseIds[c], `Group ${g + 1}`]),
    ),
  );
  await bulkInsert(
    client,
    "Membership",
    [
      ["id", "text"],
      ["courseId", "text"],
      ["userId", "text"],
      ["role", '"CourseRole"'],
    ],
    users.map((user, n) => [
      id("m", n),
      courseIds[user.course],
      user.id,
      user.instructor ? "instructor" : "student",
    ]),
  );
  await bulkInsert(
    client,
    "GroupMember",
    [
      ["groupId", "text"],
      ["userId", "text"],
    ],
    users
      .filter((user) => user.group >= 0)
      .map((user) => [groupIds[user.course]![user.group], user.id]),
  );
  return { users, courseIds, groupIds };
}

/** Sign-in sessions (cookie value per user) and personal API tokens, written directly. */
export async function createCredentials(client: pg.Client, users: BenchUser[]) {
  const sessions = users.map(() => randomBytes(24).toString("base64url"));
  const tokens = users.map(() => `mcn_${randomBytes(32).toString("base64url")}`);
  const expires = new Date(Date.now() + 24 * 3600_000);
  await bulkInsert(
    client,
    "Session",
    [
      ["sessionToken", "text"],
      ["userId", "text"],
      ["expires", "timestamp"],
      ["updatedAt", "timestamp"],
    ],
    users.map((user, n) => [sessions[n], user.id, expires, new Date()]),
  );
  await bulkInsert(
    client,
    "ApiToken",
    [
      ["id", "text"],
      ["userId", "text"],
      ["name", "text"],
      ["tokenHash", "text"],
    ],
    users.map((user, n) => [id("t", n), user.id, "bench", sha256(tokens[n]!)]),
  );
  return { sessions, tokens };
}

export interface GeneratedDocument {
  id: string;
  slug: string;
  turns: { anchor: number; text: string }[];
  annotations: number;
  replies: number;
  votes: number;
}

/**
 * One dialogue of `turnCount` turns with `annotationCount` annotations by the population, with
 * replies and votes. Visibility mix: 35% private, 25% group, 35% course, 5% public; 2% deleted,
 * 1% hidden by an instructor, 0.5% whole-document discussions.
 */
export async function createDocument(
  client: pg.Client,
  population: Population,
  {
    slug,
    turnCount,
    annotationCount,
    seed,
  }: { slug: string; turnCount: number; annotationCount: number; seed: number },
): Promise<GeneratedDocument> {
  const rng = prng(seed);
  const documentId = id("d", seed);
  const prefix = `${seed}`;
  await client.query(
    `INSERT INTO "Document" (id, slug, title, date, "sortDate", shape, "contentHash", "updatedAt", summary)
     VALUES ($1, $2, $3, '1959-09-14', '1959-09-14', 'dialogue', $4, now(), $5)`,
    [
      documentId,
      slug,
      `Benchmark conversation (${turnCount.toLocaleString("en-US")} turns)`,
      sha256(slug),
      "Generated for npm run bench.",
    ],
  );
  const participantIds = SPEAKERS.map((_, index) => id(`p${prefix}`, index));
  await bulkInsert(
    client,
    "Participant",
    [
      ["id", "text"],
      ["documentId", "text"],
      ["key", "text"],
      ["name", "text"],
      ["label", "text"],
      ["role", "text"],
      ["position", "int4"],
    ],
    SPEAKERS.map((speaker, index) => [
      participantIds[index],
      documentId,
      speaker.key,
      speaker.name,
      speaker.label,
      speaker.role,
      index,
    ]),
  );
  const turns = Array.from({ length: turnCount }, (_, index) => ({
    anchor: index + 1,
    text: turnText(rng),
  }));
  await bulkInsert(
    client,
    "Turn",
    [
      ["id", "text"],
      ["documentId", "text"],
      ["anchor", "int4"],
      ["position", "int4"],
      ["kind", '"TurnKind"'],
      ["speakerId", "text"],
      ["text", "text"],
    ],
    turns.map((turn, index) => [
      id(`x${prefix}`, index),
      documentId,
      turn.anchor,
      index,
      "speech",
      // Two principals alternate; the interpreter and a third voice now and then.
      participantIds[index % 7 === 6 ? 2 : index % 11 === 10 ? 3 : index % 2],
      turn.text,
    ]),
  );

  const { users, courseIds, groupIds } = population;
  const membersOfCourse = (course: number) => users.filter((user) => user.course === course);
  const annotationRows: unknown[][] = [];
  const replyRows: unknown[][] = [];
  const voteRows: unknown[][] = [];
  const voted = new Set<string>();
  const start = Date.UTC(2026, 9, 1);
  for (let n = 0; n < annotationCount; n++) {
    const author = rng.pick(users);
    const roll = rng.next();
    const visibility =
      roll < 0.35 ? "private" : roll < 0.6 ? "group" : roll < 0.95 ? "course" : "public";
    const groupId =
      visibility === "group" && author.group >= 0 ? groupIds[author.course]![author.group]! : null;
    const shared = visibility === "group" ? (groupId ? "group" : "course") : visibility;
    const courseId = shared === "course" || shared === "group" ? courseIds[author.course]! : null;
    const documentLevel = rng.next() < 0.005;
    let selector: unknown;
    if (documentLevel) {
      selector = { quote: { exact: "", prefix: "", suffix: "" }, positions: [] };
    } else {
      // A few words in one turn, sometimes running into the next one.
      const first = rng.int(0, turns.length - 1);
      const turn = turns[first]!;
      const from = rng.int(0, Math.max(0, turn.text.length - 20));
      const spans = rng.next() < 0.1 && first + 1 < turns.length;
      const end = spans
        ? {
            turnAnchor: turns[first + 1]!.anchor,
            offset: rng.int(5, Math.min(60, turns[first + 1]!.text.length)),
          }
        : { turnAnchor: turn.anchor, offset: Math.min(turn.text.length, from + rng.int(8, 80)) };
      // The neighbouring turns are enough for the quote's context (and joining all 2,000 turns
      // for each of 20,000 annotations would dominate the load time).
      const window = turns.slice(Math.max(0, first - 2), first + 4);
      const described = describeSelection(window, {
        start: { turnAnchor: turn.anchor, offset: from },
        end,
      });
      if (!described.ok) throw new Error(`bench data: ${described.error}`);
      selector = described.selector;
    }
    const body = parseBody(noteDoc(rng));
    if (!body.ok) throw new Error(`bench data: ${body.error}`);
    const positions = (selector as { positions: { turnAnchor: number }[] }).positions;
    const quote = (selector as { quote: { exact: string } }).quote.exact;
    const createdAt = new Date(start + n * 60_000 + rng.int(0, 59_000));
    const annotationId = id(`a${prefix}`, n);
    const deleted = rng.next() < 0.02;
    const hidden = shared !== "private" && rng.next() < 0.01;
    const tags = [...new Set(Array.from({ length: rng.int(0, 3) }, () => rng.pick(TAGS)))];
    annotationRows.push([
      annotationId,
      documentId,
      author.id,
      shared,
      courseId,
      groupId,
      JSON.stringify(selector),
      quote,
      positions[0]?.turnAnchor ?? 0,
      positions[positions.length - 1]?.turnAnchor ?? 0,
      JSON.stringify(body.doc),
      body.html,
      body.text,
      `{${tags.join(",")}}`,
      hidden ? createdAt : null,
      hidden ? users[author.course * USERS_PER_COURSE]!.id : null,
      deleted ? createdAt : null,
      createdAt,
      createdAt,
      documentLevel ? "document" : "passage",
    ]);

    // Discussion: shared notes draw replies from those who can read them (about one in two).
    if (shared === "private") continue;
    const readers =
      shared === "public"
        ? users
        : shared === "course"
          ? membersOfCourse(author.course)
          : membersOfCourse(author.course).filter(
              (user) => user.group === author.group || user.instructor,
            );
    const replyCount = rng.next() < 0.6 ? 0 : rng.int(1, 3);
    const ids: string[] = [];
    for (let r = 0; r < replyCount; r++) {
      const replyId = id(`r${prefix}`, replyRows.length);
      const replyBody = parseBody(noteDoc(rng, true));
      if (!replyBody.ok) throw new Error(`bench data: ${replyBody.error}`);
      const repliedAt = new Date(createdAt.getTime() + (r + 1) * 3_600_000);
      replyRows.push([
        replyId,
        annotationId,
        ids.length > 0 && rng.next() < 0.4 ? rng.pick(ids) : null,
        rng.pick(readers).id,
        JSON.stringify(replyBody.doc),
        replyBody.html,
        replyBody.text,
        repliedAt,
        repliedAt,
      ]);
      ids.push(replyId);
    }
    for (let v = rng.int(0, 2); v > 0; v--) {
      const voter = rng.pick(readers);
      const target =
        ids.length > 0 && rng.next() < 0.3
          ? { reply: rng.pick(ids) }
          : { annotation: annotationId };
      const key = `${voter.id}:${target.reply ?? target.annotation}`;
      if (voter.id === author.id || voted.has(key)) continue;
      voted.add(key);
      voteRows.push([
        id(`v${prefix}`, voteRows.length),
        voter.id,
        target.annotation ?? null,
        target.reply ?? null,
      ]);
    }
  }

  await bulkInsert(
    client,
    "Annotation",
    [
      ["id", "text"],
      ["documentId", "text"],
      ["authorId", "text"],
      ["visibility", '"Visibility"'],
      ["courseId", "text"],
      ["groupId", "text"],
      ["selector", "jsonb"],
      ["quote", "text"],
      ["firstAnchor", "int4"],
      ["lastAnchor", "int4"],
      ["body", "jsonb"],
      ["bodyHtml", "text"],
      ["bodyText", "text"],
      ["tags", "text", "text[]"],
      ["hiddenAt", "timestamp"],
      ["hiddenById", "text"],
      ["deletedAt", "timestamp"],
      ["createdAt", "timestamp"],
      ["updatedAt", "timestamp"],
      ["scope", '"AnnotationScope"'],
    ],
    annotationRows,
    2000,
  );
  await bulkInsert(
    client,
    "Reply",
    [
      ["id", "text"],
      ["annotationId", "text"],
      ["parentId", "text"],
      ["authorId", "text"],
      ["body", "jsonb"],
      ["bodyHtml", "text"],
      ["bodyText", "text"],
      ["createdAt", "timestamp"],
      ["updatedAt", "timestamp"],
    ],
    replyRows,
  );
  await bulkInsert(
    client,
    "Vote",
    [
      ["id", "text"],
      ["userId", "text"],
      ["annotationId", "text"],
      ["replyId", "text"],
    ],
    voteRows,
  );
  return {
    id: documentId,
    slug,
    turns,
    annotations: annotationRows.length,
    replies: replyRows.length,
    votes: voteRows.length,
  };
}
