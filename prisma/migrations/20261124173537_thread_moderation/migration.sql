-- CreateEnum
CREATE TYPE "AnnotationScope" AS ENUM ('passage', 'document');

-- AlterTable
ALTER TABLE "Annotation" ADD COLUMN     "endorsedAt" TIMESTAMP(3),
ADD COLUMN     "endorsedById" TEXT,
ADD COLUMN     "lockedAt" TIMESTAMP(3),
ADD COLUMN     "resolvedAt" TIMESTAMP(3),
ADD COLUMN     "scope" "AnnotationScope" NOT NULL DEFAULT 'passage';

-- AlterTable
ALTER TABLE "Reply" ADD COLUMN     "endorsedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "Vote" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "annotationId" TEXT,
    "replyId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Vote_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Vote_userId_annotationId_key" ON "Vote"("userId", "annotationId");

-- CreateIndex
CREATE UNIQUE INDEX "Vote_userId_replyId_key" ON "Vote"("userId", "replyId");

-- AddForeignKey
ALTER TABLE "Vote" ADD CONSTRAINT "Vote_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Vote" ADD CONSTRAINT "Vote_annotationId_fkey" FOREIGN KEY ("annotationId") REFERENCES "Annotation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Vote" ADD CONSTRAINT "Vote_replyId_fkey" FOREIGN KEY ("replyId") REFERENCES "Reply"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- A vote is for exactly one annotation or one reply: Prisma cannot express CHECK constraints.
ALTER TABLE "Vote" ADD CONSTRAINT "Vote_one_target_check"
  CHECK (("annotationId" IS NULL) <> ("replyId" IS NULL));
