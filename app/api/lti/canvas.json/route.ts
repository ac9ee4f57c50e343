import { canvasConfiguration, toolOrigin } from "@/lib/lti/tool";

// The JSON configuration a Canvas administrator pastes or links when adding Memcon as an LTI 1.3
// developer key (docs/lti.md). Public: it holds only Memcon's own public URLs.
export async function GET(request: Request) {
  return Response.json(canvasConfiguration(toolOrigin(request)));
}
