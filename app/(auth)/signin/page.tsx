import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { providerSignInAction } from "@/app/actions/auth";
import { SignInForm } from "@/components/forms/AccountForms";
import { providerSummaries } from "@/lib/auth/providers";
import { safeCallbackUrl } from "@/lib/auth/request";
import { getSessionUser } from "@/lib/auth/viewer";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// Auth.js reports provider failures with ?error=<code>; say what happened in plain words.
const PROVIDER_ERRORS: Record<string, string> = {
  OAuthAccountNotLinked:
    "That email already has an account here. Sign in with your password first.",
  Verification: "That sign-in link has expired or was already used. Ask for a new one.",
  AccessDenied: "Sign-in was cancelled or refused.",
};

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl, "/courses");
  if (await getSessionUser()) redirect(callbackUrl);
  const providers = providerSummaries(process.env);
  const error =
    typeof params.error === "string"
      ? (PROVIDER_ERRORS[params.error] ?? "Sign-in failed. Try again.")
      : undefined;
  return (
    <section className="narrow">
      <h1>Sign in</h1>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <SignInForm callbackUrl={callbackUrl} />
      <p>
        New to Memcon?{" "}
        <Link href={`/signup?callbackUrl=${encodeURIComponent(callbackUrl)}`}>
          Create an account
        </Link>
        .
      </p>
      {providers.length > 0 && (
        <section aria-labelledby="other-ways" className="other-ways">
          <h2 id="other-ways">Other ways to sign in</h2>
          {providers.map((provider) =>
            provider.type === "email" ? (
              <form key={provider.id} action={providerSignInAction} className="stack-form">
                <input type="hidden" name="provider" value={provider.id} />
                <input type="hidden" name="callbackUrl" value={callbackUrl} />
                <div className="form-field">
                  <label htmlFor="magic-email">Email me a sign-in link</label>
                  <input id="magic-email" name="email" type="email" autoComplete="email" required />
                </div>
                <button type="submit">Send link</button>
              </form>
            ) : (
              <form key={provider.id} action={providerSignInAction}>
                <input type="hidden" name="provider" value={provider.id} />
                <input type="hidden" name="callbackUrl" value={callbackUrl} />
                <button type="submit" className="secondary">
                  Continue with {provider.name}
                </button>
              </form>
            ),
          )}
        </section>
      )}
    </section>
  );
}
