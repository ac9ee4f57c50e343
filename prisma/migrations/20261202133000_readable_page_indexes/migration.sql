-- A page of a document's readable notes, one index range per audience
-- (lib/annotations/readable-page.ts). Partial indexes, which Prisma's schema cannot express:
-- each holds only the notes one kind of audience reads, newest last, with the id (and the
-- author, which the "post first" gate tests) for index-only scans.

-- The viewer's own notes (any audience, hidden or not).
CREATE INDEX "Annotation_page_own_idx" ON "Annotation" ("documentId", "authorId", "createdAt")
  INCLUDE ("id", "courseId") WHERE "deletedAt" IS NULL;

-- A course's shared notes, for its members.
CREATE INDEX "Annotation_page_course_idx" ON "Annotation" ("documentId", "courseId", "createdAt")
  INCLUDE ("id", "authorId")
  WHERE "deletedAt" IS NULL AND "visibility" = 'course' AND "hiddenAt" IS NULL;

-- A reading group's notes, for its members.
CREATE INDEX "Annotation_page_group_idx" ON "Annotation" ("documentId", "groupId", "createdAt")
  INCLUDE ("id", "authorId", "courseId")
  WHERE "deletedAt" IS NULL AND "visibility" = 'group' AND "hiddenAt" IS NULL;

-- Public notes.
CREATE INDEX "Annotation_page_public_idx" ON "Annotation" ("documentId", "createdAt")
  INCLUDE ("id", "authorId", "courseId")
  WHERE "deletedAt" IS NULL AND "visibility" = 'public' AND "hiddenAt" IS NULL;

-- Every course and group note of a course, hidden ones too, for its instructors.
CREATE INDEX "Annotation_page_teaching_idx" ON "Annotation" ("documentId", "courseId", "createdAt")
  INCLUDE ("id", "authorId")
  WHERE "deletedAt" IS NULL AND "visibility" IN ('course', 'group');

-- The reader's change feed (lib/live/changes.ts): a document's notes changed since a moment.
CREATE INDEX "Annotation_documentId_updatedAt_idx" ON "Annotation" ("documentId", "updatedAt");
