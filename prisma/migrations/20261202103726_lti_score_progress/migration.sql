-- AlterTable
ALTER TABLE "LtiScoreSync" ADD COLUMN     "comment" TEXT,
ADD COLUMN     "progress" TEXT NOT NULL DEFAULT 'Completed';

