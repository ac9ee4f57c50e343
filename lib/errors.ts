// Expected failures that pages and route handlers translate to 404 / 403 / 400 responses.

/** The record does not exist, or the viewer may not know that it does (no leaks across courses). */
export class NotFoundError extends Error {
  constructor(message = "Not found.") {
    super(message);
    this.name = "NotFoundError";
  }
}

/** The viewer knows the record exists but may not do this to it. */
export class ForbiddenError extends Error {
  constructor(message = "You are not allowed to do that.") {
    super(message);
    this.name = "ForbiddenError";
  }
}
