// `npm run digest`: email each user their unread notifications (once each). Needs EMAIL_SERVER
// (an SMTP URL) and DATABASE_URL; AUTH_URL gives the links' address. Run it from cron.
import { createTransport } from "nodemailer";
import { getPrisma } from "@/lib/db";
import { sendDigests } from "@/lib/threads/digest";

if (!process.env.EMAIL_SERVER) {
  console.log("EMAIL_SERVER is not set: no digests sent.");
  process.exit(0);
}
const prisma = getPrisma();
try {
  const result = await sendDigests(prisma, createTransport(process.env.EMAIL_SERVER), {
    baseUrl: process.env.AUTH_URL ?? "http://localhost:3000",
    from: process.env.EMAIL_FROM ?? "Memcon <no-reply@memcon.invalid>",
  });
  console.log(`Sent ${result.emails} digest(s) covering ${result.notifications} notification(s).`);
} finally {
  await prisma.$disconnect();
}
