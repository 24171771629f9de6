/** The contained worker's entry point: runs one task per message and answers with its result or error. */
import { parentPort } from 'node:worker_threads';
import { TASKS, type TaskName } from './tasks';

type Request = { id: number; name: TaskName; input: unknown };

parentPort!.on('message', async ({ id, name, input }: Request) => {
  try {
    const task = TASKS[name] as (input: unknown) => unknown;
    parentPort!.postMessage({ id, ok: true, value: await task(input) });
  } catch (error) {
    parentPort!.postMessage({ id, ok: false, message: error instanceof Error ? error.message : String(error) });
  }
});
