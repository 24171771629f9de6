/** Reading and answering JSON over HTTP, size-limited, with one-sentence errors. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  response.end(text);
}

export const sendError = (response: ServerResponse, status: number, message: string) => sendJson(response, status, { error: message });

/** The request body as JSON, refused when larger than `limit` bytes or not JSON. */
export async function readJson(request: IncomingMessage, limit: number): Promise<unknown> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > limit) throw new HttpError(413, `The request is too large: the server accepts at most ${Math.floor(limit / 1024)} KB here.`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new HttpError(413, `The request is too large: the server accepts at most ${Math.floor(limit / 1024)} KB here.`);
    chunks.push(chunk);
  }
  if (size === 0) return {};
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, 'The request is not valid JSON.');
  }
}

/** Parses with a zod schema; the first problem becomes one sentence naming the field. */
export function parseWith<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue && issue.path.length > 0 ? `“${issue.path.join('.')}”` : 'the request';
  throw new HttpError(
    400,
    `The request was refused: ${field} is missing or not valid${issue?.message ? ` (${issue.message.toLowerCase().replace(/\.$/, '')})` : ''}.`,
  );
}
