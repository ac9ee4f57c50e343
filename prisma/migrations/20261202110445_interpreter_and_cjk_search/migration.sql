-- AlterTable
ALTER TABLE "Document" ADD COLUMN     "interpreter" TEXT;

-- AlterTable
ALTER TABLE "Turn" ADD COLUMN     "cjkBigrams" TEXT;


-- Search in Chinese and Japanese (lib/library/cjk.ts): the turns' CJK bigrams, indexed with the built-in "simple" configuration.
CREATE INDEX "Turn_cjk_search_idx" ON "Turn" USING GIN (to_tsvector('simple', coalesce("cjkBigrams", '')));
