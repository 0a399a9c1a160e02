// One entry point for every transport: checks the method name, validates the argument, calls the service and
// turns errors into `ApiErrorPayload`s with messages a user can act on.
import * as v from 'valibot';
import { API_METHODS, type Api, type ApiErrorPayload, type ApiMethod } from '../contract/api';
import { AppError } from '../contract/errors';
import { message } from '../contract/messages';
import type { PathGrants } from '../services/pathGrants';
import { apiSchemas, isNotGrantedIssue, TYPED_PATHS } from './schemas';

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

export interface DispatcherOptions {
  /**
   * Which mode the host is in, as far as paths go, given by the app itself (`ProofDeckApp.pathGrants`, made exactly
   * when the host has a file dialog). Grants (Electron): a path-taking method accepts only a path the user picked in
   * the dialog or typed and confirmed in the main process's dialog this session, so a compromised renderer cannot
   * name one. None (browser mode): there is no dialog, the page is the user's own typed input behind the host's
   * token, so any absolute path is accepted. Passing `app.pathGrants` keeps the choice with the app, not the host.
   */
  pathGrants?: PathGrants | null;
}

export function createDispatcher(api: Api, options: DispatcherOptions = {}): Dispatch {
  const schemas = apiSchemas(options.pathGrants ?? TYPED_PATHS);
  return async (method, arg) => {
    if (!isApiMethod(method)) throw new AppError(message('api.unknownMethod', { method: String(method).slice(0, 80) }));
    const parsed = v.safeParse(schemas[method], arg);
    if (!parsed.success) {
      const issue = parsed.issues[0];
      const path = issue.path?.map((p) => String(p.key)).join('.') || 'argument';
      if (isNotGrantedIssue(issue)) throw new AppError(message('api.pathNotGranted', { method, path: String(issue.input).slice(0, 4096) }));
      throw new AppError(message('api.invalidArgument', { method, path, issue: issue.message }));
    }
    // The schema has checked the shape, so the cast only names what valibot already proved.
    const call = api[method] as (a: unknown) => Promise<unknown>;
    return call(parsed.output);
  };
}
