/**
 * An error with the HTTP status and the message to show. Routes throw it;
 * the error handler renders it as a page, or as JSON under /api/.
 */
export class HttpError extends Error {
  readonly statusCode: number;
  /** Text shown to the visitor; it must not contain internal details. */
  readonly publicMessage: string;

  constructor(statusCode: number, publicMessage: string, options?: ErrorOptions) {
    super(publicMessage, options);
    this.name = "HttpError";
    this.statusCode = statusCode;
    this.publicMessage = publicMessage;
  }
}

/** 404 for an object the visitor may not see or that does not exist, alike. */
export function notFound(what = "The page"): HttpError {
  return new HttpError(404, `${what} was not found.`);
}

export function forbidden(): HttpError {
  return new HttpError(403, "Your role does not allow this. Ask an admin if you need it.");
}

export function badRequest(message: string): HttpError {
  return new HttpError(400, message);
}
