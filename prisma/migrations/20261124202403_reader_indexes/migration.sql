-- Indexes found missing by `npm run bench` (see bench/README.md).

-- The reader counts the "helpful" votes of a document's notes and replies by their ids.
-- CreateIndex
CREATE INDEX "Vote_annotationId_idx" ON "Vote"("annotationId");

-- CreateIndex
CREATE INDEX "Vote_replyId_idx" ON "Vote"("replyId");

-- Which of a document's annotations a viewer may read, from the index alone (an index-only
-- scan instead of reading every wide row of the document): the reader's list, the API's count,
-- and its newest-first pages. Written by hand because Prisma's schema cannot express INCLUDE.
CREATE INDEX "Annotation_documentId_createdAt_idx" ON "Annotation"("documentId", "createdAt") INCLUDE ("id", "authorId", "visibility", "courseId", "groupId", "hiddenAt", "deletedAt");
