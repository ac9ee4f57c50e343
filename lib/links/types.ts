import type { LinkStatus } from "./permissions";

// What the reader is given of passage links (plain data, for client components).

export type { LinkStatus };

export type CounterpartTurn = { anchor: number; speaker: string | null; text: string };

/** One link as the reader of `documentId` sees it: this document's passage, and the other's. */
export type DocumentLink = {
  id: string;
  here: { first: number; last: number };
  other: { slug: string; title: string; first: number; last: number; turns: CounterpartTurn[] };
  note: string;
  status: LinkStatus;
  course: { id: string; title: string } | null;
  author: string | null;
  canReview: boolean;
  canDelete: boolean;
};

/** Where the viewer may make links: for everyone (editors, instructors), and in their courses. */
export type LinkTargets = {
  everyone: boolean;
  courses: { id: string; title: string; proposes: boolean }[];
};

export type LinkableDocument = { slug: string; title: string; date: string | null };
export type LinkableTurn = { anchor: number; speaker: string | null; opening: string };
