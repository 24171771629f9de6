import { IpcCallError, type ApiMethod, type NewsroomApi } from '../../../shared/ipc/contract';
import { api } from './transport';

type Req<M extends ApiMethod> = Parameters<NewsroomApi[M]>[0];
type Res<M extends ApiMethod> = Awaited<ReturnType<NewsroomApi[M]>> extends infer R ? (R extends { ok: true; value: infer V } ? V : never) : never;

/** Calls a named API method and returns its value, or throws IpcCallError with the typed error. */
export async function call<M extends ApiMethod>(method: M, request: Req<M>): Promise<Res<M>> {
  const fn = api[method] as (r: Req<M>) => Promise<{ ok: true; value: Res<M> } | { ok: false; error: IpcCallError['error'] }>;
  const result = await fn(request);
  if (!result.ok) throw new IpcCallError(result.error);
  return result.value;
}

export function errorMessage(error: unknown): string {
  if (error instanceof IpcCallError) return error.error.message;
  return error instanceof Error ? error.message : String(error);
}
