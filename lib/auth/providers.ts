import type { Provider } from "next-auth/providers";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import Nodemailer from "next-auth/providers/nodemailer";

// Sign-in methods beyond email + password, each switched on purely by environment variables
// (see README "Sign-in methods").

type Env = Record<string, string | undefined>;

export interface ProviderSummary {
  id: string;
  name: string;
  type: "oauth" | "oidc" | "email";
}

/** Magic links: sent by SMTP when EMAIL_SERVER is set; printed to the server log in development. */
export function emailLinksMode(env: Env): "smtp" | "log" | "off" {
  if (env.EMAIL_SERVER) return "smtp";
  if (env.NODE_ENV !== "production" || env.MEMCON_EMAIL_LOG === "1") return "log";
  return "off";
}

export function configuredProviders(env: Env): Provider[] {
  const providers: Provider[] = [];
  if (env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET) {
    providers.push(GitHub({ clientId: env.AUTH_GITHUB_ID, clientSecret: env.AUTH_GITHUB_SECRET }));
  }
  if (env.AUTH_GOOGLE_ID && env.AUTH_GOOGLE_SECRET) {
    providers.push(Google({ clientId: env.AUTH_GOOGLE_ID, clientSecret: env.AUTH_GOOGLE_SECRET }));
  }
  if (env.AUTH_OIDC_ISSUER && env.AUTH_OIDC_ID && env.AUTH_OIDC_SECRET) {
    providers.push({
      id: "oidc",
      name: env.AUTH_OIDC_NAME ?? "University sign-in",
      type: "oidc",
      issuer: env.AUTH_OIDC_ISSUER,
      clientId: env.AUTH_OIDC_ID,
      clientSecret: env.AUTH_OIDC_SECRET,
    });
  }
  const email = emailLinksMode(env);
  if (email !== "off") {
    providers.push(
      Nodemailer({
        id: "email",
        name: "Email link",
        server: env.EMAIL_SERVER ?? { jsonTransport: true },
        from: env.EMAIL_FROM ?? "Memcon <no-reply@memcon.invalid>",
        ...(email === "log"
          ? {
              async sendVerificationRequest({
                identifier,
                url,
              }: {
                identifier: string;
                url: string;
              }) {
                console.log(`[memcon] sign-in link for ${identifier}: ${url}`);
              },
            }
          : {}),
      }),
    );
  }
  return providers;
}

export function providerSummaries(env: Env): ProviderSummary[] {
  return configuredProviders(env).map((provider) => {
    const config = typeof provider === "function" ? provider() : provider;
    return { id: config.id, name: config.name, type: config.type as ProviderSummary["type"] };
  });
}
