/**
 * A newsroom article's workflow steps that wait for the server ("Submitted — waiting for the
 * newsroom server"), then the server's answer until the person dismisses it.
 */
import { X } from 'lucide-react';
import { workflowNoticeSentence, type WorkflowNotice } from '../../../shared/sync/workflowNotices';
import { announce } from '../app/focus';
import { useDecidedWhileWatched } from '../sync/useWorkflowNotices';

type Props = {
  notices: WorkflowNotice[];
  dismiss: (id: number) => Promise<void>;
  /** A step of this article was decided: its status may have changed. */
  onDecided: () => void;
};

export function WorkflowNotices({ notices, dismiss, onDecided }: Props) {
  // Decided while shown: reload the article (its status may have changed) and say the answer.
  useDecidedWhileWatched(notices, (decided) => {
    onDecided();
    announce(decided.map(workflowNoticeSentence).join(' '));
  });

  if (notices.length === 0) return null;
  return (
    <div className="workflow-notices">
      {notices.map((n) =>
        n.state === 'waiting' ? (
          <p key={n.id} className="workflow-notice workflow-notice-waiting" data-testid="workflow-waiting">
            {workflowNoticeSentence(n)}
          </p>
        ) : (
          <div
            key={n.id}
            className={`workflow-notice workflow-notice-${n.state}`}
            role={n.state === 'refused' ? 'alert' : 'status'}
            data-testid="workflow-answer"
          >
            <span>{workflowNoticeSentence(n)}</span>
            <button type="button" aria-label="Dismiss the server’s answer" onClick={() => void dismiss(n.id)}>
              <X size={14} aria-hidden="true" />
            </button>
          </div>
        ),
      )}
    </div>
  );
}
