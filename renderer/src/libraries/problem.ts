import { IpcCallError } from '../../../shared/ipc/contract';
import { errorMessage } from '../api/call';

/** The error in words, with the fields the contract refused (e.g. "readMoreUrl: Use a web address"). */
export function problemText(error: unknown): string {
  const issues = error instanceof IpcCallError ? error.error.details?.issues : undefined;
  return issues?.length ? `${errorMessage(error)} ${issues.join('; ')}` : errorMessage(error);
}
