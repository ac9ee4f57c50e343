import type { PrismaClient } from "@/lib/generated/prisma/client";
import { PERMISSION_COLUMNS, toRef } from "@/lib/annotations/service";
import { loadViewer } from "@/lib/auth/load-viewer";
import { canReadAnnotation, canReadDocument } from "@/lib/auth/permissions";

// Email digests of unread notifications, for `npm run digest` (run it from cron, e.g. daily) when
// SMTP is configured. Each notification is mailed at most once; ones about threads the recipient
// can no longer read are skipped.

export interface MailTransport {
  sendMail(message: { from: string; to: string; subject: string; text: string }): Promise<unknown>;
}

const VERB = {
  reply: "replied in",
  mention: "mentioned you in",
  endorsement: "endorsed",
  orphaned: "revised the text under your note (it is now an orphan) in",
} as const;

export async function sendDigests(
  prisma: PrismaClient,
  transport: MailTransport,
  { baseUrl, from }: { baseUrl: string; from: string },
): Promise<{ emails: number; notifications: number }> {
  const pending = await prisma.notification.findMany({
    where: { readAt: null, emailedAt: null },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      kind: true,
      userId: true,
      user: { select: { email: true, name: true } },
      actor: { select: { name: true } },
      annotation: {
        select: {
          ...PERMISSION_COLUMNS,
          quote: true,
          firstAnchor: true,
          document: { select: { slug: true, title: true, courseId: true } },
        },
      },
    },
  });
  const byUser = new Map<string, typeof pending>();
  for (const row of pending) byUser.set(row.userId, [...(byUser.get(row.userId) ?? []), row]);
  let emails = 0;
  let notifications = 0;
  for (const [userId, rows] of byUser) {
    const viewer = await loadViewer(prisma, userId);
    const email = rows[0]!.user.email;
    const readable = rows.filter(
      (row) =>
        !row.annotation.deletedAt &&
        canReadAnnotation(viewer, toRef(row.annotation)) &&
        canReadDocument(viewer, row.annotation.document),
    );
    if (!email || readable.length === 0) continue;
    const lines = readable.map((row) => {
      const where = row.annotation.quote
        ? `“${row.annotation.quote.slice(0, 80)}”`
        : "the whole document";
      const url = `${baseUrl}/documents/${row.annotation.document.slug}#t-${row.annotation.firstAnchor}`;
      return `- ${row.actor.name ?? "Someone"} ${VERB[row.kind]} ${where} (${row.annotation.document.title})\n  ${url}`;
    });
    await transport.sendMail({
      from,
      to: email,
      subject: `Memcon: ${readable.length} new in your discussions`,
      text: `Hello ${rows[0]!.user.name ?? ""},\n\n${lines.join("\n")}\n\nAll notifications: ${baseUrl}/notifications\n`,
    });
    await prisma.notification.updateMany({
      where: { id: { in: readable.map((row) => row.id) } },
      data: { emailedAt: new Date() },
    });
    emails++;
    notifications += readable.length;
  }
  return { emails, notifications };
}
