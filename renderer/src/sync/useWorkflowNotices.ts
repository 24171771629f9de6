/**
 * Workflow steps on newsroom articles waiting for the server, and its answers until dismissed
 * (`sync:workflowNotices`). Listed again whenever the connection state's counts move: a step was
 * queued, decided or dismissed.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { WorkflowNotice } from '../../../shared/sync/workflowNotices';
import { call } from '../api/call';
import { useSyncSelector } from './syncStatus';

export function useWorkflowNotices(articleId?: string): { notices: WorkflowNotice[]; dismiss: (id: number) => Promise<void> } {
  // Only the counts: the app shell uses this, and must not re-render for every acknowledgement.
  const key = useSyncSelector((status) => (status?.workflowSteps ? `${status.workflowSteps.waiting}/${status.workflowSteps.decided}` : ''));
  const [notices, setNotices] = useState<WorkflowNotice[]>([]);
  useEffect(() => {
    let live = true;
    call('listWorkflowNotices', articleId ? { articleId } : {})
      .then((next) => live && setNotices(next))
      .catch(() => live && setNotices([]));
    return () => {
      live = false;
    };
  }, [articleId, key]);
  const dismiss = useCallback(
    async (id: number) => {
      await call('dismissWorkflowNotice', { id });
      setNotices((list) => list.filter((n) => n.id !== id));
    },
    [setNotices],
  );
  return { notices, dismiss };
}

/** Calls `onDecided` with the steps among `notices` that the server answered while this view watched them wait. */
export function useDecidedWhileWatched(notices: WorkflowNotice[], onDecided: (decided: WorkflowNotice[]) => void): void {
  const waitingBefore = useRef(new Set<number>());
  const latest = useRef(onDecided);
  latest.current = onDecided;
  useEffect(() => {
    const decided = notices.filter((n) => n.state !== 'waiting' && waitingBefore.current.has(n.id));
    waitingBefore.current = new Set(notices.filter((n) => n.state === 'waiting').map((n) => n.id));
    if (decided.length > 0) latest.current(decided);
  }, [notices]);
}

/** Every article's steps the server answered while this window watched them wait. */
export function useWorkflowDecisions(onDecided: (decided: WorkflowNotice[]) => void): void {
  useDecidedWhileWatched(useWorkflowNotices().notices, onDecided);
}
