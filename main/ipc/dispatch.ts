// One entry point for every transport: checks the method name, validates the argument, calls the service and
// turns errors into `ApiErrorPayload`s with messages a user can act on.
import * as v from 'valibot';
import { API_METHODS, type Api, type ApiErrorPayload, type ApiMethod } from '../contract/api';
import { ServiceUnavailableError } from '../services/app';
import { NotesImportError } from '../services/notesImport';
import { EditError } from '../services/editService';
import { StaleAnswerError, CardNotFoundError } from '../storage/studyStore';
import { API_SCHEMAS } from './schemas';

export class ApiError extends Error {
  constructor(readonly payload: ApiErrorPayload) {
    super(payload.message);
    this.name = 'ApiError';
  }
}

const methods = new Set<string>(API_METHODS);

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && methods.has(name);
}

export function toErrorPayload(error: unknown): ApiErrorPayload {
  if (error instanceof ApiError) return error.payload;
  if (error instanceof StaleAnswerError) return { code: 'stale', message: error.message };
  if (error instanceof CardNotFoundError) return { code: 'not-found', message: error.message };
  if (error instanceof NotesImportError) return { code: error.code, message: error.message };
  if (error instanceof EditError) return { code: error.code, message: error.message };
  if (error instanceof ServiceUnavailableError) return { code: 'conflict', message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message };
}

export type Dispatch = (method: unknown, arg: unknown) => Promise<unknown>;

export function createDispatcher(api: Api): Dispatch {
  return async (method, arg) => {
    if (!isApiMethod(method)) throw new ApiError({ code: 'bad-request', message: `Unknown API method: ${String(method).slice(0, 80)}` });
    const parsed = v.safeParse(API_SCHEMAS[method], arg);
    if (!parsed.success) {
      const issue = parsed.issues[0];
      const path = issue.path?.map((p) => String(p.key)).join('.') || 'argument';
      throw new ApiError({ code: 'bad-request', message: `Invalid argument for ${method}: ${path}: ${issue.message}` });
    }
    // The schema has checked the shape, so the cast only names what valibot already proved.
    const call = api[method] as (a: unknown) => Promise<unknown>;
    return call(parsed.output);
  };
}
