import { describe, expect, it } from "vitest";
import { changePassword, openSession, signUp, verifyCredentials } from "@/lib/auth/accounts";
import { loadViewer } from "@/lib/auth/load-viewer";
import { verifyPassword } from "@/lib/auth/password";
import { hitRateLimit, RATE_LIMITS } from "@/lib/auth/rate-limit";
import {
  createCourse,
  createGroup,
  joinCourse,
  regenerateJoinCode,
  removeMember,
} from "@/lib/courses/service";
import { getPrisma } from "@/lib/db";
import { ForbiddenError } from "@/lib/errors";

const prisma = getPrisma();
let ipCounter = 0;
const freshIp = () => `10.0.0.${++ipCounter}`;

describe("sign-up", () => {
  it("creates an account with a hashed password and a normalised email", async () => {
    const outcome = await signUp(
      prisma,
      { name: " Ada Brooks ", email: " Ada@Example.EDU ", password: "a long pass phrase" },
      freshIp(),
    );
    expect(outcome.ok).toBe(true);
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "ada@example.edu" } });
    expect(user.name).toBe("Ada Brooks");
    expect(user.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(user.passwordHash).not.toContain("a long pass phrase");
    expect(await verifyPassword("a long pass phrase", user.passwordHash!)).toBe(true);
  });

  it.each([
    [
      { name: "", email: "x@example.edu", password: "a long pass phrase" },
      "name",
      "Enter your name.",
    ],
    [
      { name: "X", email: "not-an-email", password: "a long pass phrase" },
      "email",
      "Enter a valid email address, like name@university.edu.",
    ],
    [
      { name: "X", email: "x@example.edu", password: "short" },
      "password",
      "Use at least 10 characters for your password.",
    ],
    [
      { name: "X", email: "x@example.edu", password: "password123" },
      "password",
      "That password is too common: choose another.",
    ],
    [
      { name: "X", email: "x@example.edu", password: "aaaaaaaaaaaa" },
      "password",
      "That password repeats too few characters: choose another.",
    ],
    [
      { name: "X", email: "margaret@example.edu", password: "margaret-is-me" },
      "password",
      "Your password must not contain your email address.",
    ],
    [
      { name: "X", email: "ada@example.edu", password: "another pass phrase" },
      "email",
      "An account with this email already exists. Sign in instead.",
    ],
  ])("refuses %j with a message on the %s field", async (input, field, message) => {
    const outcome = await signUp(prisma, input, freshIp());
    expect(outcome).toMatchObject({ ok: false, fields: { [field]: message } });
  });

  it("limits sign-ups per network (invalid forms do not count)", async () => {
    const ip = freshIp();
    for (let i = 0; i < 5; i++)
      await signUp(prisma, { name: "X", email: "bad", password: "x" }, ip);
    // A classroom's worth of sign-ups from one address, then one more.
    for (let i = 0; i < RATE_LIMITS.signUpPerIp.limit; i++) {
      await hitRateLimit(prisma, `signup:ip:${ip}`, RATE_LIMITS.signUpPerIp);
    }
    const outcome = await signUp(
      prisma,
      { name: "Eve", email: "eve@example.edu", password: "a long pass phrase" },
      ip,
    );
    expect(outcome).toMatchObject({
      ok: false,
      error: expect.stringMatching(
        /^Too many new accounts from this network\. Try again in \d+ minutes\.$/,
      ),
    });
    expect(await prisma.user.count({ where: { email: "eve@example.edu" } })).toBe(0);
  });
});

describe("sign-in", () => {
  it("accepts the right password, with the email in any case", async () => {
    const outcome = await verifyCredentials(
      prisma,
      { email: "ADA@example.edu", password: "a long pass phrase" },
      freshIp(),
    );
    expect(outcome.ok).toBe(true);
  });

  it("says the same thing for a wrong password and an unknown account", async () => {
    const wrong = await verifyCredentials(
      prisma,
      { email: "ada@example.edu", password: "wrong password!" },
      freshIp(),
    );
    const unknown = await verifyCredentials(
      prisma,
      { email: "nobody@example.edu", password: "wrong password!" },
      freshIp(),
    );
    expect(wrong).toEqual({ ok: false, error: "That email and password do not match an account." });
    expect(unknown).toEqual(wrong);
  });

  it("locks an account after 8 failed attempts, even with the right password, from any network", async () => {
    await signUp(
      prisma,
      { name: "Ben", email: "ben@example.edu", password: "ben's pass phrase" },
      freshIp(),
    );
    for (let i = 0; i < 8; i++) {
      const outcome = await verifyCredentials(
        prisma,
        { email: "ben@example.edu", password: `guess ${i}` },
        freshIp(),
      );
      expect(outcome).toMatchObject({
        ok: false,
        error: "That email and password do not match an account.",
      });
    }
    const locked = await verifyCredentials(
      prisma,
      { email: "ben@example.edu", password: "ben's pass phrase" },
      freshIp(),
    );
    expect(locked).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Too many sign-in attempts\. Try again in \d+ minutes\.$/),
    });
    // Unknown accounts lock the same way, so the lock reveals nothing.
    for (let i = 0; i < 8; i++)
      await verifyCredentials(prisma, { email: "ghost@example.edu", password: "x" }, freshIp());
    const ghost = await verifyCredentials(
      prisma,
      { email: "ghost@example.edu", password: "x" },
      freshIp(),
    );
    expect(ghost).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Too many sign-in attempts/),
    });
  });

  it("limits attempts per network across accounts", async () => {
    const ip = freshIp();
    for (let i = 0; i < RATE_LIMITS.signInPerIp.limit; i++) {
      await verifyCredentials(prisma, { email: `spray${i}@example.edu`, password: "x" }, ip);
    }
    const outcome = await verifyCredentials(
      prisma,
      { email: "ada@example.edu", password: "a long pass phrase" },
      ip,
    );
    expect(outcome).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Too many sign-in attempts/),
    });
    // 100 deliberately slow password checks (scrypt): give a loaded 2-core machine room.
  }, 90_000);
});

describe("change password", () => {
  it("needs the current password, then signs out every other session", async () => {
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "ada@example.edu" } });
    const here = await openSession(prisma, user.id);
    const elsewhere = await openSession(prisma, user.id);

    const wrong = await changePassword(prisma, user.id, here.token, {
      currentPassword: "not it",
      newPassword: "a new pass phrase",
      confirmPassword: "a new pass phrase",
    });
    expect(wrong).toMatchObject({
      ok: false,
      fields: { currentPassword: "That is not your current password." },
    });
    const mismatch = await changePassword(prisma, user.id, here.token, {
      currentPassword: "a long pass phrase",
      newPassword: "a new pass phrase",
      confirmPassword: "a new pass phrase!",
    });
    expect(mismatch).toMatchObject({
      ok: false,
      fields: { confirmPassword: "The two new passwords differ." },
    });

    const done = await changePassword(prisma, user.id, here.token, {
      currentPassword: "a long pass phrase",
      newPassword: "a new pass phrase",
      confirmPassword: "a new pass phrase",
    });
    expect(done.ok).toBe(true);
    const sessions = await prisma.session.findMany({
      where: { userId: user.id },
      select: { sessionToken: true },
    });
    expect(sessions.map((session) => session.sessionToken)).toEqual([here.token]);
    expect(elsewhere.token).not.toBe(here.token);
    expect(
      (
        await verifyCredentials(
          prisma,
          { email: "ada@example.edu", password: "a new pass phrase" },
          freshIp(),
        )
      ).ok,
    ).toBe(true);
  });
});

describe("courses", () => {
  it("lets an instructor create a course and a student join it with the code, in any case and spacing", async () => {
    const instructor = await prisma.user.create({
      data: { email: "prof@example.edu", name: "Prof", siteRole: "instructor" },
    });
    const student = await prisma.user.findUniqueOrThrow({ where: { email: "ben@example.edu" } });
    const created = await createCourse(prisma, (await loadViewer(prisma, instructor.id))!, {
      title: "Sino-Japanese relations",
      term: "Spring 2027",
    });
    if (!created.ok) throw new Error(created.error);
    const course = await prisma.course.findUniqueOrThrow({ where: { id: created.value.courseId } });
    expect(course.joinCode).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);

    const typed = ` ${course.joinCode.slice(0, 4).toLowerCase()}-${course.joinCode.slice(4)} `;
    const joined = await joinCourse(prisma, (await loadViewer(prisma, student.id))!, typed);
    expect(joined).toEqual({ ok: true, value: { courseId: course.id, alreadyMember: false } });
    const again = await joinCourse(
      prisma,
      (await loadViewer(prisma, student.id))!,
      course.joinCode,
    );
    expect(again).toEqual({ ok: true, value: { courseId: course.id, alreadyMember: true } });
    expect(await prisma.membership.count({ where: { courseId: course.id } })).toBe(2);
  });

  it("explains a wrong, malformed or expired join code", async () => {
    const student = (await loadViewer(
      prisma,
      (await prisma.user.findUniqueOrThrow({ where: { email: "ada@example.edu" } })).id,
    ))!;
    expect(await joinCourse(prisma, student, "ZZZZ-ZZZZ")).toMatchObject({
      ok: false,
      error: "No course has that join code. Check it with your instructor.",
    });
    expect(await joinCourse(prisma, student, "??")).toMatchObject({
      ok: false,
      error: "A join code has 8 letters and digits, like KQ7M-3XPD.",
    });

    const prof = await prisma.user.findUniqueOrThrow({ where: { email: "prof@example.edu" } });
    const course = await prisma.course.findFirstOrThrow({ where: { createdById: prof.id } });
    const { joinCode } = await regenerateJoinCode(
      prisma,
      (await loadViewer(prisma, prof.id))!,
      course.id,
      new Date(Date.now() - 60_000),
    );
    expect(joinCode).not.toBe(course.joinCode);
    expect(await joinCourse(prisma, student, course.joinCode)).toMatchObject({
      ok: false,
      error: "No course has that join code. Check it with your instructor.",
    });
    expect(await joinCourse(prisma, student, joinCode)).toMatchObject({
      ok: false,
      error: "This join code has expired. Ask your instructor for a new one.",
    });
  });

  it("refuses course creation to students and group or member changes to non-instructors", async () => {
    const benId = (await prisma.user.findUniqueOrThrow({ where: { email: "ben@example.edu" } })).id;
    const ben = (await loadViewer(prisma, benId))!;
    await expect(createCourse(prisma, ben, { title: "Mine", term: "Fall" })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    const courseId = [...ben.courses.keys()][0]!;
    await expect(createGroup(prisma, ben, courseId, { name: "Us" })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(removeMember(prisma, ben, courseId, benId)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("names groups uniquely within a course and removes members with their group places", async () => {
    const prof = await prisma.user.findUniqueOrThrow({ where: { email: "prof@example.edu" } });
    const viewer = (await loadViewer(prisma, prof.id))!;
    const course = await prisma.course.findFirstOrThrow({ where: { createdById: prof.id } });
    const first = await createGroup(prisma, viewer, course.id, { name: "Group A" });
    expect(first.ok).toBe(true);
    expect(await createGroup(prisma, viewer, course.id, { name: "Group A" })).toMatchObject({
      ok: false,
      fields: { name: "This course already has a group with that name." },
    });
    const ben = await prisma.user.findUniqueOrThrow({ where: { email: "ben@example.edu" } });
    await prisma.groupMember.create({
      data: { groupId: (first as { value: { groupId: string } }).value.groupId, userId: ben.id },
    });
    await removeMember(prisma, viewer, course.id, ben.id);
    expect(await prisma.membership.count({ where: { courseId: course.id, userId: ben.id } })).toBe(
      0,
    );
    expect(await prisma.groupMember.count({ where: { userId: ben.id } })).toBe(0);
    await expect(removeMember(prisma, viewer, course.id, prof.id)).rejects.toThrow(
      "You cannot remove yourself from your own course.",
    );
  });
});
