-- AlterTable
ALTER TABLE "Participant" ADD COLUMN     "title" TEXT;

-- CreateTable
CREATE TABLE "PersonAuthority" (
    "slug" TEXT NOT NULL,
    "uri" TEXT NOT NULL,
    "createdById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PersonAuthority_pkey" PRIMARY KEY ("slug")
);

-- AddForeignKey
ALTER TABLE "PersonAuthority" ADD CONSTRAINT "PersonAuthority_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Participants' titles are new: have the next content import store every content file again
-- (an unchanged file is otherwise skipped by its hash). Turns keep their anchors (re-import is
-- anchor-preserving), so notes and permalinks are unaffected.
UPDATE "Document" SET "contentHash" = '' WHERE "contentPath" IS NOT NULL;
