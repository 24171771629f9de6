/** Review facts on a library row: returned with a note, open comments, deadline, and the search hit in context. */
import type { ArticleSummary, SnippetPart } from '../../../shared/model/article';
import { MessageSquare } from 'lucide-react';

function formatDeadline(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleString([], { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}

export function ArticleItemReview({ item }: { item: ArticleSummary }) {
  const open = item.openComments ?? 0;
  const holder = item.assignment;
  return (
    <>
      {(item.returnNote !== undefined || open > 0 || item.deadline || holder) && (
        <span className="article-item-review">
          {holder?.writerName && <span className="holder-chip">Writer: {holder.writerName}</span>}
          {holder?.editorName && <span className="holder-chip">Editor: {holder.editorName}</span>}
          {item.returnNote !== undefined && (
            <span className="returned-chip" title={item.returnNote}>
              Returned: {item.returnNote}
            </span>
          )}
          {open > 0 && (
            <span className="comment-count" aria-label={`${open} open ${open === 1 ? 'comment' : 'comments'}`}>
              <MessageSquare size={14} aria-hidden="true" /> {open}
            </span>
          )}
          {item.deadline && (
            <span className={Date.parse(item.deadline) < Date.now() ? 'deadline overdue' : 'deadline'}>Due {formatDeadline(item.deadline)}</span>
          )}
        </span>
      )}
      {item.snippet && <SearchSnippet parts={item.snippet} />}
    </>
  );
}

/** Matched words are <mark> elements built from plain text parts; the snippet is never parsed as HTML. */
export function SearchSnippet({ parts }: { parts: SnippetPart[] }) {
  return (
    <span className="search-snippet" data-testid="search-snippet">
      {parts.map((p, i) => (p.match ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
    </span>
  );
}
