import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { signOutAction, signOutEverywhereAction } from "@/app/actions/auth";
import { revokeTokenAction } from "@/app/actions/tokens";
import { ActionForm } from "@/components/courses/CourseForms";
import { ChangePasswordForm } from "@/components/forms/AccountForms";
import { CreateTokenForm } from "@/components/forms/TokenForm";
import { listApiTokens } from "@/lib/auth/api-tokens";
import { getPrisma } from "@/lib/db";
import { getSessionUser } from "@/lib/auth/viewer";

export const metadata: Metadata = { title: "Your account" };
export const dynamic = "force-dynamic";

export default async function AccountPage() {
  const user = await getSessionUser();
  if (!user) redirect("/signin?callbackUrl=/account");
  const tokens = await listApiTokens(getPrisma(), user.id);
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
      <p>Changing your password signs out your other devices and revokes all your API tokens.</p>
      <ChangePasswordForm />
      <h2>API tokens</h2>
      <p>
        Scripts can read and write your annotations through the JSON API (see docs/api.md) with{" "}
        <code>Authorization: Bearer &lt;token&gt;</code>.
      </p>
      {tokens.length > 0 && (
        <ul className="token-list">
          {tokens.map((token) => (
            <li key={token.id}>
              {token.name}{" "}
              <span className="meta">created {token.createdAt.toISOString().slice(0, 10)}</span>
              <ActionForm action={revokeTokenAction}>
                <input type="hidden" name="id" value={token.id} />
                <button type="submit" className="link-button" aria-label={`Revoke ${token.name}`}>
                  Revoke
                </button>
              </ActionForm>
            </li>
          ))}
        </ul>
      )}
      <CreateTokenForm />
      <h2>Sign out</h2>
      <form action={signOutAction}>
        <button type="submit" className="secondary">
          Sign out
        </button>
      </form>
      <p>
        Lost a device, or think someone knows your password? Signing out everywhere ends every
        session (this one too) and revokes all your API tokens.
      </p>
      <form action={signOutEverywhereAction}>
        <button type="submit" className="secondary">
          Sign out everywhere
        </button>
      </form>
    </section>
  );
}
