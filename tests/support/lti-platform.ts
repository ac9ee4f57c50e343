import { randomBytes, randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import {
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  jwtVerify,
  SignJWT,
  type CryptoKey,
  type JSONWebKeySet,
  type JWK,
} from "jose";

// A learning platform for the tests (LTI 1.3 Advantage, the platform's side), served by node:http
// on 127.0.0.1: its own RS256 keys and JWKS, the OIDC authorization endpoint that answers
// Memcon's login with a signed id_token (an auto-submitting form, as real platforms do), a
// course page that frames Memcon, the deep-linking return, the OAuth 2 token endpoint (client
// credentials with Memcon's signed assertion), the roster (NRPS) and gradebook (AGS) services,
// and Dynamic Registration. Everything it receives is recorded for the tests to inspect.

const LTI = "https://purl.imsglobal.org/spec/lti/claim/";
export const ROLE = {
  instructor: "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor",
  ta: "http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant",
  learner: "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner",
  mentor: "http://purl.imsglobal.org/vocab/lis/v2/membership#Mentor",
};

export interface SimUser {
  sub: string;
  name: string;
  email?: string;
  roles: string[];
  /** NRPS status; "Inactive" or absent from the roster means dropped. */
  status?: "Active" | "Inactive";
}

export interface PlannedLaunch {
  user: SimUser;
  messageType?: "LtiResourceLinkRequest" | "LtiDeepLinkingRequest";
  custom?: Record<string, string>;
  resourceLinkId?: string;
  lineItem?: string;
  /** Replace or remove claims just before signing (hostile launches). */
  tamper?: (claims: Record<string, unknown>) => Record<string, unknown>;
  /** Sign differently (hostile launches). */
  signing?: { alg?: string; key?: CryptoKey | Uint8Array; kid?: string; none?: boolean };
}

interface Key {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

async function newKey(): Promise<Key> {
  const { publicKey, privateKey } = await generateKeyPair("RS256", { extractable: true });
  const kid = `sim-${randomBytes(6).toString("hex")}`;
  return {
    kid,
    privateKey,
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg: "RS256", use: "sig" },
  };
}

function html(title: string, body: string) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>
<style>body{font:16px system-ui;margin:1rem;background:#eef2f7}iframe{width:100%;height:720px;border:1px solid #99a;background:#fff}
header{background:#394b59;color:#fff;padding:.5rem 1rem;margin:-1rem -1rem 1rem}</style></head><body>${body}</body></html>`;
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export class PlatformSimulator {
  issuer = "";
  origin = "";
  readonly clientId = `memcon-${randomBytes(4).toString("hex")}`;
  readonly deploymentId = "deployment-1";
  readonly contextId = `course-${randomBytes(4).toString("hex")}`;
  contextTitle = "HIST 204: Cold War Diplomacy";
  keys: Key[] = [];
  /** Keys the JWKS endpoint publishes (normally all of `keys`). */
  published: Key[] = [];
  /** The course's roster (NRPS); by default everyone who has launched, as on a real platform. */
  roster: SimUser[] | null = null;
  private enrolled = new Map<string, SimUser>();
  readonly received = {
    deepLinks: [] as { items: Record<string, unknown>[]; data?: unknown }[],
    /** Links the course now has (from deep linking), with the line item made for graded ones. */
    links: [] as { title: string; custom: Record<string, string>; lineItem?: string }[],
    tokenRequests: [] as { scope: string }[],
    lineItems: [] as {
      id: string;
      label: string;
      scoreMaximum: number;
      resourceLinkId?: string;
      resourceId?: string;
    }[],
    scores: [] as { lineItem: string; body: Record<string, unknown> }[],
    registrations: [] as Record<string, unknown>[],
    jwksFetches: 0,
  };
  /** Make the score endpoint fail this many times (AGS retries). */
  failScores = 0;
  private planned = new Map<string, PlannedLaunch>();
  private tokens = new Set<string>();
  private server?: http.Server;

  constructor(
    readonly tool: { login: string; launch: string; jwks: () => Promise<JSONWebKeySet> },
    readonly host = "127.0.0.1",
  ) {}

  async start() {
    this.keys = [await newKey()];
    this.published = [...this.keys];
    this.server = http.createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        res.writeHead(500, { "content-type": "text/plain" });
        res.end(String(error));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    // Never keeps a test process alive by itself.
    this.server.unref();
    const { port } = this.server.address() as AddressInfo;
    this.origin = `http://${this.host}:${port}`;
    this.issuer = this.origin;
    return this;
  }

  async stop() {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  /** What Memcon's administrator types into /admin/lti for this platform. */
  get registration() {
    return {
      name: "Simulated LMS",
      issuer: this.issuer,
      clientId: this.clientId,
      deploymentIds: this.deploymentId,
      authLoginUrl: `${this.origin}/auth`,
      authTokenUrl: `${this.origin}/token`,
      jwksUrl: `${this.origin}/jwks`,
      frameOrigins: "",
    };
  }

  async rotateKey() {
    const key = await newKey();
    this.keys.unshift(key);
    this.published = [...this.keys];
    return key;
  }

  /** Plan a launch: the returned hint goes to Memcon's login as lti_message_hint. */
  plan(launch: PlannedLaunch): string {
    const hint = randomBytes(8).toString("hex");
    this.planned.set(hint, launch);
    return hint;
  }

  /** The URL the platform sends the browser to first (third-party-initiated login). */
  loginUrl(hint: string, method: "GET" = "GET") {
    void method;
    const launch = this.planned.get(hint)!;
    const url = new URL(this.tool.login);
    url.searchParams.set("iss", this.issuer);
    url.searchParams.set("login_hint", launch.user.sub);
    url.searchParams.set("lti_message_hint", hint);
    url.searchParams.set("target_link_uri", this.tool.launch);
    url.searchParams.set("client_id", this.clientId);
    url.searchParams.set("lti_deployment_id", this.deploymentId);
    return url.toString();
  }

  claims(launch: PlannedLaunch, nonce: string): Record<string, unknown> {
    const now = Math.floor(Date.now() / 1000);
    const deepLinking = launch.messageType === "LtiDeepLinkingRequest";
    const claims: Record<string, unknown> = {
      iss: this.issuer,
      aud: this.clientId,
      azp: this.clientId,
      sub: launch.user.sub,
      iat: now,
      exp: now + 300,
      nonce,
      name: launch.user.name,
      ...(launch.user.email ? { email: launch.user.email } : {}),
      [`${LTI}message_type`]: launch.messageType ?? "LtiResourceLinkRequest",
      [`${LTI}version`]: "1.3.0",
      [`${LTI}deployment_id`]: this.deploymentId,
      [`${LTI}target_link_uri`]: this.tool.launch,
      [`${LTI}roles`]: launch.user.roles,
      [`${LTI}context`]: {
        id: this.contextId,
        label: "HIST 204",
        title: this.contextTitle,
        type: ["http://purl.imsglobal.org/vocab/lis/v2/course#CourseOffering"],
      },
      [`${LTI}tool_platform`]: {
        name: "Simulated LMS",
        guid: "sim",
        product_family_code: "simulator",
      },
      [`${LTI}launch_presentation`]: {
        document_target: "iframe",
        return_url: `${this.origin}/course`,
      },
      "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice": {
        context_memberships_url: `${this.origin}/contexts/${this.contextId}/memberships`,
        service_versions: ["2.0"],
      },
      "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint": {
        scope: [
          "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
          "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly",
          "https://purl.imsglobal.org/spec/lti-ags/scope/score",
        ],
        lineitems: `${this.origin}/contexts/${this.contextId}/lineitems`,
        ...(launch.lineItem ? { lineitem: launch.lineItem } : {}),
      },
    };
    if (deepLinking)
      claims["https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings"] = {
        deep_link_return_url: `${this.origin}/deep-link-return`,
        accept_types: ["ltiResourceLink"],
        accept_presentation_document_targets: ["iframe", "window"],
        accept_multiple: false,
        data: "sim-opaque-data",
      };
    else
      claims[`${LTI}resource_link`] = {
        id: launch.resourceLinkId ?? "resource-1",
        title: "Memcon",
      };
    if (launch.custom) claims[`${LTI}custom`] = launch.custom;
    return launch.tamper ? launch.tamper(claims) : claims;
  }

  /** A signed id_token for a planned launch and a nonce (tests may call it directly). */
  async idToken(launch: PlannedLaunch, nonce: string): Promise<string> {
    const claims = this.claims(launch, nonce);
    const signing = launch.signing ?? {};
    if (signing.none) {
      const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
      return `${encode({ alg: "none", typ: "JWT" })}.${encode(claims)}.`;
    }
    const key = this.keys[0]!;
    return new SignJWT(claims)
      .setProtectedHeader({ alg: signing.alg ?? "RS256", kid: signing.kid ?? key.kid, typ: "JWT" })
      .sign(signing.key ?? key.privateKey);
  }

  private async body(req: http.IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  }

  private json(
    res: http.ServerResponse,
    status: number,
    value: unknown,
    type = "application/json",
  ) {
    res.writeHead(status, { "content-type": type });
    res.end(JSON.stringify(value));
  }

  private async verifyToolJwt(token: string, audience: string) {
    const { payload } = await jwtVerify(token, createLocalJWKSet(await this.tool.jwks()), {
      audience,
      issuer: this.clientId,
    });
    return payload;
  }

  private authorized(req: http.IncomingMessage) {
    const token = req.headers.authorization?.replace(/^Bearer /, "");
    return !!token && this.tokens.has(token);
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url ?? "/", this.origin);
    const path = url.pathname;

    if (path === "/jwks") {
      this.received.jwksFetches++;
      return this.json(res, 200, { keys: this.published.map((key) => key.publicJwk) });
    }

    // The course page: Memcon inside an iframe, as Canvas and Moodle show it.
    if (path === "/course") {
      const hint = url.searchParams.get("launch") ?? "";
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      return res.end(
        html(
          "Simulated LMS course",
          `<header><strong>Simulated LMS</strong> · ${escape(this.contextTitle)}</header>
<h1>${escape(url.searchParams.get("title") ?? "Course page")}</h1>
<iframe title="Memcon" src="/start?hint=${encodeURIComponent(hint)}" allow="clipboard-write"></iframe>`,
        ),
      );
    }
    // The administrators' page that runs LTI Dynamic Registration in a frame.
    if (path === "/register-tool") {
      const register = new URL(url.searchParams.get("tool") ?? "");
      register.searchParams.set(
        "openid_configuration",
        `${this.origin}/.well-known/openid-configuration`,
      );
      register.searchParams.set("registration_token", "registration-token-1");
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      return res.end(
        html(
          "Register a tool",
          `<header><strong>Simulated LMS</strong> · Site administration</header>
<h1>Register an LTI Advantage tool</h1><p id="registration-status" role="status">Registering…</p>
<iframe title="Tool registration" src="${escape(register.toString())}"></iframe>
<script>addEventListener("message", (event) => {
  if (event.data && event.data.subject === "org.imsglobal.lti.close") {
    document.getElementById("registration-status").textContent = "The tool closed its registration window.";
    document.querySelector("iframe").remove();
  }
});</script>`,
        ),
      );
    }
    if (path === "/start") {
      const hint = url.searchParams.get("hint") ?? "";
      if (!this.planned.has(hint)) return this.json(res, 404, { error: "no such launch" });
      res.writeHead(302, { location: this.loginUrl(hint) });
      return res.end();
    }

    // OIDC authorization endpoint: answers Memcon's login with the id_token, posted by a form.
    if (path === "/auth") {
      const q = url.searchParams;
      const launch = this.planned.get(q.get("lti_message_hint") ?? "");
      const problems = [
        q.get("scope") !== "openid" && "scope",
        q.get("response_type") !== "id_token" && "response_type",
        q.get("response_mode") !== "form_post" && "response_mode",
        q.get("prompt") !== "none" && "prompt",
        q.get("client_id") !== this.clientId && "client_id",
        q.get("redirect_uri") !== this.tool.launch && "redirect_uri",
        !q.get("nonce") && "nonce",
        !q.get("state") && "state",
        !launch && "lti_message_hint",
        launch && q.get("login_hint") !== launch.user.sub && "login_hint",
      ].filter(Boolean);
      if (problems.length) return this.json(res, 400, { error: "invalid_request", problems });
      this.enrolled.set(launch!.user.sub, launch!.user);
      const idToken = await this.idToken(launch!, q.get("nonce")!);
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      return res.end(
        html(
          "Launching",
          `<form id="launch" method="post" action="${escape(q.get("redirect_uri")!)}">
<input type="hidden" name="id_token" value="${escape(idToken)}">
<input type="hidden" name="state" value="${escape(q.get("state")!)}">
<noscript><button type="submit">Continue</button></noscript></form>
<script>document.getElementById("launch").submit()</script>`,
        ),
      );
    }

    if (path === "/deep-link-return" && req.method === "POST") {
      const form = new URLSearchParams(await this.body(req));
      const payload = await this.verifyToolJwt(form.get("JWT") ?? "", this.issuer);
      const items = (payload["https://purl.imsglobal.org/spec/lti-dl/claim/content_items"] ??
        []) as Record<string, unknown>[];
      this.received.deepLinks.push({
        items,
        data: payload["https://purl.imsglobal.org/spec/lti-dl/claim/data"],
      });
      // As platforms do: a graded link gets its gradebook column, named in its later launches.
      for (const item of items) {
        const graded = item.lineItem as
          { label?: string; scoreMaximum?: number; resourceId?: string } | undefined;
        let lineItem: string | undefined;
        if (graded) {
          lineItem = `${this.origin}/contexts/${this.contextId}/lineitems/${randomUUID()}`;
          this.received.lineItems.push({
            id: lineItem,
            label: String(graded.label ?? item.title),
            scoreMaximum: Number(graded.scoreMaximum),
            resourceId: graded.resourceId,
          });
        }
        this.received.links.push({
          title: String(item.title),
          custom: (item.custom ?? {}) as Record<string, string>,
          lineItem,
        });
      }
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      return res.end(
        html(
          "Content added",
          `<header><strong>Simulated LMS</strong></header><h1>Content added</h1><ul>${items
            .map(
              (item) =>
                `<li>${escape(String(item.title ?? item.url))}${item.lineItem ? " (graded)" : ""}</li>`,
            )
            .join("")}</ul>`,
        ),
      );
    }

    if (path === "/token" && req.method === "POST") {
      const form = new URLSearchParams(await this.body(req));
      if (
        form.get("grant_type") !== "client_credentials" ||
        form.get("client_assertion_type") !==
          "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
      )
        return this.json(res, 400, { error: "unsupported_grant_type" });
      try {
        const payload = await this.verifyToolJwt(
          form.get("client_assertion") ?? "",
          `${this.origin}/token`,
        );
        if (payload.sub !== this.clientId || !payload.jti) throw new Error("bad assertion");
      } catch {
        return this.json(res, 401, { error: "invalid_client" });
      }
      const token = randomBytes(16).toString("hex");
      this.tokens.add(token);
      this.received.tokenRequests.push({ scope: form.get("scope") ?? "" });
      return this.json(res, 200, {
        access_token: token,
        token_type: "Bearer",
        expires_in: 3600,
        scope: form.get("scope"),
      });
    }

    if (path === `/contexts/${this.contextId}/memberships`) {
      if (!this.authorized(req)) return this.json(res, 401, { error: "unauthorized" });
      return this.json(
        res,
        200,
        {
          id: url.toString(),
          context: { id: this.contextId, label: "HIST 204", title: this.contextTitle },
          members: (this.roster ?? [...this.enrolled.values()]).map((user) => ({
            status: user.status ?? "Active",
            name: user.name,
            email: user.email,
            user_id: user.sub,
            roles: user.roles,
          })),
        },
        "application/vnd.ims.lti-nrps.v2.membershipcontainer+json",
      );
    }

    if (path === `/contexts/${this.contextId}/lineitems`) {
      if (!this.authorized(req)) return this.json(res, 401, { error: "unauthorized" });
      if (req.method === "POST") {
        const body = JSON.parse(await this.body(req)) as Record<string, unknown>;
        const id = `${this.origin}/contexts/${this.contextId}/lineitems/${randomUUID()}`;
        const item = {
          id,
          label: String(body.label),
          scoreMaximum: Number(body.scoreMaximum),
          resourceLinkId: body.resourceLinkId as string | undefined,
          resourceId: body.resourceId as string | undefined,
        };
        this.received.lineItems.push(item);
        return this.json(res, 201, item, "application/vnd.ims.lis.v2.lineitem+json");
      }
      return this.json(
        res,
        200,
        this.received.lineItems,
        "application/vnd.ims.lis.v2.lineitemcontainer+json",
      );
    }
    const scores = path.match(/^\/contexts\/[^/]+\/lineitems\/([^/]+)\/scores$/);
    if (scores && req.method === "POST") {
      if (!this.authorized(req)) return this.json(res, 401, { error: "unauthorized" });
      if (req.headers["content-type"] !== "application/vnd.ims.lis.v1.score+json")
        return this.json(res, 415, { error: "score content type" });
      if (this.failScores > 0) {
        this.failScores--;
        return this.json(res, 503, { error: "try later" });
      }
      const lineItem = `${this.origin}${path.replace(/\/scores$/, "")}`;
      this.received.scores.push({
        lineItem,
        body: JSON.parse(await this.body(req)) as Record<string, unknown>,
      });
      res.writeHead(204);
      return res.end();
    }

    // LTI Dynamic Registration: the platform's OpenID configuration and registration endpoint.
    if (path === "/.well-known/openid-configuration") {
      return this.json(res, 200, {
        issuer: this.issuer,
        authorization_endpoint: `${this.origin}/auth`,
        token_endpoint: `${this.origin}/token`,
        jwks_uri: `${this.origin}/jwks`,
        registration_endpoint: `${this.origin}/register`,
        scopes_supported: ["openid"],
        response_types_supported: ["id_token"],
        "https://purl.imsglobal.org/spec/lti-platform-configuration": {
          product_family_code: "moodle",
          version: "4.4",
          messages_supported: [
            { type: "LtiResourceLinkRequest" },
            { type: "LtiDeepLinkingRequest" },
          ],
        },
      });
    }
    if (path === "/register" && req.method === "POST") {
      if (req.headers.authorization !== "Bearer registration-token-1")
        return this.json(res, 401, { error: "invalid_token" });
      const body = JSON.parse(await this.body(req)) as Record<string, unknown>;
      this.received.registrations.push(body);
      return this.json(res, 200, {
        ...body,
        client_id: this.clientId,
        "https://purl.imsglobal.org/spec/lti-tool-configuration": {
          ...(body["https://purl.imsglobal.org/spec/lti-tool-configuration"] as object),
          deployment_id: this.deploymentId,
        },
      });
    }

    this.json(res, 404, { error: "not found" });
  }
}
