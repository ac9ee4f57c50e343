-- AlterTable
ALTER TABLE "Document" ADD COLUMN     "footnotes" JSONB NOT NULL DEFAULT '[]';

-- AlterTable
ALTER TABLE "Turn" ADD COLUMN     "continues" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "notes" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "pageBreaks" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "pages" TEXT[] DEFAULT ARRAY[]::TEXT[];

