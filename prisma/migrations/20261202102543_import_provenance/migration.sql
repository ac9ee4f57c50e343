-- AlterTable
ALTER TABLE "Annotation" ADD COLUMN     "originallyCreatedAt" TIMESTAMP(3);

