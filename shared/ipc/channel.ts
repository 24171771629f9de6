/** Building blocks for declaring IPC channels. */
import { z } from 'zod';

export const idSchema = z.string().min(1).max(100);
export const emptyRequest = z.object({}).strict();

/** Declares a channel: its request schema and (as a phantom) its response type. */
export function channel<Res>() {
  return <S extends z.ZodType>(request: S) => ({ request, response: undefined as unknown as Res });
}
