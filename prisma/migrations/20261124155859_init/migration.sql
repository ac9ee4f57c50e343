-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "DocumentShape" AS ENUM ('dialogue', 'memorandum', 'cable', 'tei');

-- CreateEnum
CREATE TYPE "TurnKind" AS ENUM ('speech', 'paragraph', 'heading', 'header', 'note', 'attachment', 'original');

-- CreateTable
CREATE TABLE "Document" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "date" TEXT,
    "sortDate" DATE,
    "time" TEXT,
    "place" TEXT,
    "archive" TEXT,
    "archiveUrl" TEXT,
    "citation" TEXT,
    "summary" TEXT,
    "translator" TEXT,
    "noteTaker" TEXT,
    "originalLanguage" TEXT,
    "classification" TEXT,
    "sourceNote" TEXT,
    "shape" "DocumentShape" NOT NULL,
    "fields" JSONB NOT NULL DEFAULT '{}',
    "contentPath" TEXT,
    "contentHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Participant" (
    "id" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "label" TEXT,
    "role" TEXT,
    "position" INTEGER NOT NULL,

    CONSTRAINT "Participant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Turn" (
    "id" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "anchor" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" "TurnKind" NOT NULL,
    "speakerId" TEXT,
    "text" TEXT NOT NULL,
    "label" TEXT,
    "lang" TEXT,

    CONSTRAINT "Turn_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Collection" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "archive" TEXT,
    "contentPath" TEXT,
    "contentHash" TEXT NOT NULL,

    CONSTRAINT "Collection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CollectionEntry" (
    "id" TEXT NOT NULL,
    "collectionId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "date" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT,
    "documentSlug" TEXT,

    CONSTRAINT "CollectionEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Document_slug_key" ON "Document"("slug");

-- CreateIndex
CREATE INDEX "Document_sortDate_idx" ON "Document"("sortDate");

-- CreateIndex
CREATE UNIQUE INDEX "Participant_documentId_key_key" ON "Participant"("documentId", "key");

-- CreateIndex
CREATE INDEX "Turn_speakerId_idx" ON "Turn"("speakerId");

-- CreateIndex
CREATE UNIQUE INDEX "Turn_documentId_anchor_key" ON "Turn"("documentId", "anchor");

-- CreateIndex
CREATE UNIQUE INDEX "Turn_documentId_position_key" ON "Turn"("documentId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Collection_slug_key" ON "Collection"("slug");

-- CreateIndex
CREATE INDEX "CollectionEntry_documentSlug_idx" ON "CollectionEntry"("documentSlug");

-- CreateIndex
CREATE UNIQUE INDEX "CollectionEntry_collectionId_position_key" ON "CollectionEntry"("collectionId", "position");

-- AddForeignKey
ALTER TABLE "Participant" ADD CONSTRAINT "Participant_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Turn" ADD CONSTRAINT "Turn_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Turn" ADD CONSTRAINT "Turn_speakerId_fkey" FOREIGN KEY ("speakerId") REFERENCES "Participant"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CollectionEntry" ADD CONSTRAINT "CollectionEntry_collectionId_fkey" FOREIGN KEY ("collectionId") REFERENCES "Collection"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Full-text search over transcripts : Prisma cannot express expression indexes, so this is kept by hand.
CREATE INDEX "Turn_text_search_idx" ON "Turn" USING GIN (to_tsvector('english', "text"));
