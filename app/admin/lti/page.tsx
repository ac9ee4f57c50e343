import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import {
  deleteRegistrationAction,
  rotateKeyAction,
  setRegistrationEnabledAction,
} from "@/app/actions/lti";
import { ActionForm } from "@/components/courses/CourseForms";
import { RegistrationForm } from "@/components/lti/RegistrationForm";
import { canManageInstructors } from "@/lib/auth/permissions";
import { getViewer } from "@/lib/auth/viewer";
import { getPrisma } from "@/lib/db";
import { listKeys, publicKeySet } from "@/lib/lti/keys";
import { listRegistrations } from "@/lib/lti/registrations";
import { toolOrigin, toolUrls } from "@/lib/lti/tool";

export const metadata: Metadata = { title: "Learning platforms (LTI)" };
export const dynamic = "force-dynamic";

const when = (date: Date) => date.toISOString().slice(0, 16).replace("T", " ") + " UTC";

export default async function LtiAdminPage() {
  const viewer = await getViewer();
  if (!viewer) redirect("/signin?callbackUrl=/admin/lti");
  if (!canManageInstructors(viewer)) notFound();
  const prisma = getPrisma();
  // Memcon's first key pair is made on first use; make sure the page can list it.
  await publicKeySet(prisma);
  const [registrations, keys] = await Promise.all([
    listRegistrations(prisma, viewer),
    listKeys(prisma),
  ]);
  const list = await headers();
  const origin = toolOrigin({ url: "http://localhost/", headers: list });
  const urls = toolUrls(origin);
  return (
    <section className="lti-admin">
      <h1>Learning platforms (LTI 1.3)</h1>
      <p>
        Canvas, Moodle and other platforms launch Memcon with LTI 1.3. Give the platform these
        addresses, then register it below with the values it gives back (see{" "}
        <code>docs/lti.md</code>).
      </p>
      <dl className="lti-urls">
        <dt>OpenID Connect login (initiation) URL</dt>
        <dd>
          <code>{urls.login}</code>
        </dd>
        <dt>Launch (redirect) URL and deep linking URL</dt>
        <dd>
          <code>{urls.launch}</code>
        </dd>
        <dt>Public key set (JWKS) URL</dt>
        <dd>
          <code>{urls.jwks}</code>
        </dd>
        <dt>Canvas JSON configuration URL</dt>
        <dd>
          <code>{urls.canvasConfig}</code>
        </dd>
        <dt>Dynamic registration URL (Moodle and others)</dt>
        <dd>
          <code>{urls.register}</code>
        </dd>
      </dl>

      <h2>Registered platforms</h2>
      {registrations.length === 0 ? (
        <p>No platform is registered yet.</p>
      ) : (
        <ul className="lti-registrations">
          {registrations.map((registration) => (
            <li key={registration.id} className="panel">
              <h3>
                {registration.name}{" "}
                <span className={registration.enabled ? "lti-status on" : "lti-status off"}>
                  {registration.enabled ? "launches enabled" : "launches switched off"}
                </span>
              </h3>
              <p className="lti-meta">
                {registration.issuer} · client id {registration.clientId} ·{" "}
                {registration._count.contexts} linked course
                {registration._count.contexts === 1 ? "" : "s"}
              </p>
              <div className="lti-actions">
                <ActionForm action={setRegistrationEnabledAction}>
                  <input type="hidden" name="registrationId" value={registration.id} />
                  <input
                    type="hidden"
                    name="enabled"
                    value={registration.enabled ? "false" : "true"}
                  />
                  <button type="submit" className="secondary">
                    {registration.enabled
                      ? `Switch off ${registration.name}`
                      : `Enable ${registration.name}`}
                  </button>
                </ActionForm>
                <ActionForm action={deleteRegistrationAction}>
                  <input type="hidden" name="registrationId" value={registration.id} />
                  <button type="submit" className="secondary danger">
                    Remove {registration.name}
                  </button>
                </ActionForm>
              </div>
              <details>
                <summary>Edit {registration.name}</summary>
                <RegistrationForm
                  initial={{
                    id: registration.id,
                    name: registration.name,
                    issuer: registration.issuer,
                    clientId: registration.clientId,
                    deploymentIds: registration.deploymentIds.join(" "),
                    authLoginUrl: registration.authLoginUrl,
                    authTokenUrl: registration.authTokenUrl,
                    jwksUrl: registration.jwksUrl,
                    frameOrigins: registration.frameOrigins.join(" "),
                  }}
                />
              </details>
            </li>
          ))}
        </ul>
      )}

      <h2>Register a platform</h2>
      <RegistrationForm />

      <h2>Memcon&apos;s signing keys</h2>
      <p>
        Platforms read these from the key set URL. Rotating adds a new key that signs from now on;
        the previous key stays published for a week.
      </p>
      <table className="roster">
        <thead>
          <tr>
            <th scope="col">Key id</th>
            <th scope="col">Created</th>
            <th scope="col">State</th>
          </tr>
        </thead>
        <tbody>
          {keys.map((key, index) => (
            <tr key={key.kid}>
              <td>
                <code>{key.kid}</code>
              </td>
              <td>{when(key.createdAt)}</td>
              <td>
                {key.retiredAt
                  ? `retired ${when(key.retiredAt)}`
                  : index === 0
                    ? "signing"
                    : "published"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ActionForm action={rotateKeyAction}>
        <button type="submit" className="secondary">
          Rotate the signing key
        </button>
      </ActionForm>
    </section>
  );
}
