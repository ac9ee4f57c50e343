import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { signOutAction } from "@/app/actions/auth";
import { ChangePasswordForm } from "@/components/forms/AccountForms";
import { getSessionUser } from "@/lib/auth/viewer";

export const metadata: Metadata = { title: "Your account" };
export const dynamic = "force-dynamic";

export default async function AccountPage() {
  const user = await getSessionUser();
  if (!user) redirect("/signin?callbackUrl=/account");
  return (
    <section className="narrow">
      <h1>Your account</h1>
      <dl className="record">
        <div className="record-row">
          <dt>Name</dt>
          <dd>{user.name}</dd>
        </div>
        <div className="record-row">
          <dt>Email</dt>
          <dd>{user.email}</dd>
        </div>
      </dl>
      <h2>Change password</h2>
      <ChangePasswordForm />
      <h2>Sign out</h2>
      <form action={signOutAction}>
        <button type="submit" className="secondary">
          Sign out
        </button>
      </form>
    </section>
  );
}
