// One entry point for every transport: checks the method name, validates the argument, calls the service and
// turns errors into `ApiErrorPayload`s with messages a user can act on.
import * as v from 'valibot';
import { API_METHODS, type Api, type ApiErrorPayload, type ApiMethod } from '../contract/api';
import { AppError } from '../contract/errors';
import { message } from '../contract/messages';
import { API_SCHEMAS } from './schemas';

const methods = new Set<string>(API_METHODS);

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && methods.has(name);
}

/** Every error leaves as a message; anything that is not an AppError is a bug, sent as 'api.internal'. */
export function toErrorPayload(error: unknown): ApiErrorPayload {
  if (error instanceof AppError) return error.problem;
  return message('api.internal', { detail: error instanceof Error ? error.message : String(error) });
}

export type Dispatch = (method: unknown, arg: unknown) => Promise<unknown>;

export function createDispatcher(api: Api): Dispatch {
  return async (method, arg) => {
    if (!isApiMethod(method)) throw new AppError(message('api.unknownMethod', { method: String(method).slice(0, 80) }));
    const parsed = v.safeParse(API_SCHEMAS[method], arg);
    if (!parsed.success) {
      const issue = parsed.issues[0];
      const path = issue.path?.map((p) => String(p.key)).join('.') || 'argument';
      throw new AppError(message('api.invalidArgument', { method, path, issue: issue.message }));
    }
    // The schema has checked the shape, so the cast only names what valibot already proved.
    const call = api[method] as (a: unknown) => Promise<unknown>;
    return call(parsed.output);
  };
}
