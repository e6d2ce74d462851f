/**
 * Object-level authorization: a route's permission decides which kind of
 * thing a user may touch, and this check decides whether this particular
 * object may be touched. An object that does not exist and one the user may not see get the
 * same 404, so that ids cannot be probed. A denial is logged and audited.
 */

import type { RouteContext } from "../routes/registry.js";
import { notFound } from "../server/http-error.js";
import type { SignedInUser } from "./sessions.js";

export interface ObjectAccess<T> {
  /** Kind of object, for messages and the audit log, such as `assessment`. */
  readonly kind: string;
  readonly id: string;
  /** Loads the object; undefined when there is none with that id. */
  readonly load: () => Promise<T | undefined>;
  /**
   * Decides whether `user` may use the object. Without it, every user who
   * has the route's permission may.
   */
  readonly allows?: (user: SignedInUser, object: T) => boolean | Promise<boolean>;
}

/**
 * Loads an object for the route's user and checks the user may use it.
 * Throws a 404 HttpError when it does not exist or is not allowed.
 */
export async function authorizeObject<T>(context: RouteContext, access: ObjectAccess<T>): Promise<T> {
  const object = await access.load();
  if (object === undefined) {
    throw notFound(`The ${access.kind}`);
  }
  if (access.allows === undefined || (await access.allows(context.user, object))) {
    return object;
  }

  const { user, request } = context;
  context.services.log.warn(
    `denied ${access.kind} '${access.id}' to '${user.name}' (${user.role}) on ${request.method} ${request.url}`,
  );
  await context.audit.after({
    action: `${access.kind}.access`,
    outcome: "denied",
    objects: { [access.kind]: access.id },
    details: { method: request.method, permission: context.permission },
  });
  throw notFound(`The ${access.kind}`);
}
