-- CreateEnum
CREATE TYPE "PassageLinkStatus" AS ENUM ('proposed', 'confirmed', 'rejected');

-- CreateEnum
CREATE TYPE "EditionLinkStatus" AS ENUM ('confirmed', 'rejected');

-- CreateTable
CREATE TABLE "PassageLink" (
    "id" TEXT NOT NULL,
    "fromDocumentId" TEXT NOT NULL,
    "fromFirst" INTEGER NOT NULL,
    "fromLast" INTEGER NOT NULL,
    "toDocumentId" TEXT NOT NULL,
    "toFirst" INTEGER NOT NULL,
    "toLast" INTEGER NOT NULL,
    "note" TEXT NOT NULL,
    "courseId" TEXT,
    "status" "PassageLinkStatus" NOT NULL,
    "createdById" TEXT NOT NULL,
    "reviewedById" TEXT,
    "reviewedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PassageLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EditionLink" (
    "id" TEXT NOT NULL,
    "documentAId" TEXT NOT NULL,
    "documentBId" TEXT NOT NULL,
    "status" "EditionLinkStatus" NOT NULL,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EditionLink_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PassageLink_fromDocumentId_idx" ON "PassageLink"("fromDocumentId");

-- CreateIndex
CREATE INDEX "PassageLink_toDocumentId_idx" ON "PassageLink"("toDocumentId");

-- CreateIndex
CREATE INDEX "PassageLink_courseId_idx" ON "PassageLink"("courseId");

-- CreateIndex
CREATE INDEX "EditionLink_documentBId_idx" ON "EditionLink"("documentBId");

-- CreateIndex
CREATE UNIQUE INDEX "EditionLink_documentAId_documentBId_key" ON "EditionLink"("documentAId", "documentBId");

-- AddForeignKey
ALTER TABLE "PassageLink" ADD CONSTRAINT "PassageLink_fromDocumentId_fkey" FOREIGN KEY ("fromDocumentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PassageLink" ADD CONSTRAINT "PassageLink_toDocumentId_fkey" FOREIGN KEY ("toDocumentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PassageLink" ADD CONSTRAINT "PassageLink_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PassageLink" ADD CONSTRAINT "PassageLink_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EditionLink" ADD CONSTRAINT "EditionLink_documentAId_fkey" FOREIGN KEY ("documentAId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EditionLink" ADD CONSTRAINT "EditionLink_documentBId_fkey" FOREIGN KEY ("documentBId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

