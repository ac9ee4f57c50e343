import type { PrismaClient } from "@/lib/generated/prisma/client";
import { LtiError } from "./errors";
import { ticketHash } from "./launch";

// The landing step after a launch (GET /lti/open?ticket=...). The launch already opened a
// session and set its cookie; if the browser kept the cookie inside the platform's frame, the
// page opens there. If it did not (third-party cookies blocked, or plain HTTP across sites), the
// frame shows "Open in a new window": the same link opened top-level uses the one-time ticket to
// open a session there. A ticket opens at most one session, for five minutes, and only at the
// top level (Sec-Fetch-Dest: document), so it cannot be spent by a hidden frame.

export type Landing =
  { kind: "target"; path: string; openSessionFor?: string } | { kind: "newWindow"; path: string };

export async function landLaunch(
  prisma: PrismaClient,
  input: { ticket: unknown; sessionUserId: string | null; topLevel: boolean },
  now = new Date(),
): Promise<Landing> {
  const expired = new LtiError(
    "This launch link has expired or was already used. Open Memcon again from your course.",
    410,
  );
  if (typeof input.ticket !== "string" || input.ticket.length < 20 || input.ticket.length > 100)
    throw expired;
  const row = await prisma.ltiLaunch.findUnique({
    where: { ticketHash: ticketHash(input.ticket) },
  });
  if (!row || row.expiresAt <= now) throw expired;
  if (input.sessionUserId === row.userId) return { kind: "target", path: row.targetPath };
  if (!input.topLevel) return { kind: "newWindow", path: row.targetPath };
  const claimed = await prisma.ltiLaunch.updateMany({
    where: { ticketHash: row.ticketHash, usedAt: null },
    data: { usedAt: now },
  });
  if (claimed.count === 0) throw expired;
  return { kind: "target", path: row.targetPath, openSessionFor: row.userId };
}
