/**
 * A launch, login or service call refused for a reason the person should read (shown on the
 * refusal page; never the token or a stack trace). `status` is the HTTP status of that page.
 */
export class LtiError extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = "LtiError";
  }
}
