/**
 * The library's home views and filters: my desk (drafts, returned ones flagged,
 * and newsroom articles assigned to me), an editor's review queue (submitted and in edit, longest waiting
 * first), or everything; filtered by status, section, author, tag and edit date.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { ArticleListQuery } from '../../../shared/ipc/channels/articles';
import { ARTICLE_STATUSES, type ArticleStatus, type Author } from '../../../shared/model/article';
import { STATUS_LABEL, type Role } from '../../../shared/workflow/transitions';
import { call } from '../api/call';
import { SettingsDialog } from './ProfileForm';
import { useReview } from './ReviewContext';
import './review.css';

export type ListFilters = Omit<ArticleListQuery, 'view' | 'search' | 'limit' | 'offset'>;
export type Home = 'desk' | 'queue' | 'all';

export function homeFilters(home: Home): ListFilters {
  if (home === 'desk') return { mine: true, sort: 'edited' };
  if (home === 'queue') return { status: ['submitted', 'in-edit'], sort: 'waiting' };
  return {};
}
const homeOf = (role: Role): Home => (role === 'editor' ? 'queue' : 'desk');

/** Which view the filters show, for the library's empty state: a home view, or a narrower filter. */
export function scopeOf(filters: ListFilters): Home | 'filtered' {
  const { sort: _sort, ...rest } = filters;
  const keys = Object.keys(rest);
  const status = (filters.status ?? []).join(',');
  if (keys.length === 0) return 'all';
  if (keys.length === 1 && filters.mine) return 'desk';
  if (keys.length === 1 && status === 'submitted,in-edit') return 'queue';
  return 'filtered';
}

/** Local midnight of a YYYY-MM-DD date as an ISO instant (the store compares UTC timestamps). */
function dayStart(date: string, plusDays = 0): string | undefined {
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) return undefined;
  return new Date(y, m - 1, d + plusDays).toISOString();
}

type Props = { filters: ListFilters; onChange: (filters: ListFilters) => void };

export function LibraryFilters({ filters, onChange }: Props) {
  const { profile } = useReview();
  const [home, setHome] = useState<Home>('all');
  const [authors, setAuthors] = useState<Author[]>([]);
  const [dates, setDates] = useState({ from: '', to: '' });
  const [settingsOpen, setSettingsOpen] = useState(false);
  const id = useId();
  const appliedRole = useRef<Role | undefined>(undefined);

  // Each role starts on its home view, and again when the role changes in Settings.
  useEffect(() => {
    if (!profile || appliedRole.current === profile.role) return;
    appliedRole.current = profile.role;
    setHome(homeOf(profile.role));
    onChange(homeFilters(homeOf(profile.role)));
  }, [profile, onChange]);

  useEffect(() => {
    call('listAuthors', { includeArchived: true })
      .then(setAuthors)
      .catch(() => setAuthors([]));
  }, []);

  const set = (patch: Partial<ListFilters>) => {
    const next = { ...filters, ...patch };
    for (const key of Object.keys(next) as (keyof ListFilters)[]) if (next[key] === undefined || next[key] === '') delete next[key];
    onChange(next);
  };
  const setDate = (which: 'from' | 'to', value: string) => {
    const next = { ...dates, [which]: value };
    setDates(next);
    set({ editedAfter: next.from ? dayStart(next.from) : undefined, editedBefore: next.to ? dayStart(next.to, 1) : undefined });
  };

  return (
    <div className="library-filters">
      <div className="filter-row">
        <label htmlFor={`${id}-home`}>Show</label>
        <select
          id={`${id}-home`}
          value={home}
          onChange={(e) => {
            const h = e.target.value as Home;
            setHome(h);
            setDates({ from: '', to: '' });
            onChange(homeFilters(h));
          }}
        >
          <option value="desk">My desk (drafts, returned, assigned to me)</option>
          <option value="queue">Review queue</option>
          <option value="all">All articles</option>
        </select>
      </div>
      <button type="button" className="settings-open" onClick={() => setSettingsOpen(true)} title="Your name, role and checklist limits">
        {profile ? `${profile.name} (${profile.role})` : 'Settings'}
      </button>
      <details className="filter-details">
        <summary>Filters and sort</summary>
        <div className="filter-grid">
          <label htmlFor={`${id}-status`}>Status</label>
          <select
            id={`${id}-status`}
            value={filters.status?.length === 1 ? filters.status[0] : filters.status?.length ? 'home' : ''}
            onChange={(e) =>
              set({ status: e.target.value === 'home' ? homeFilters(home).status : e.target.value ? [e.target.value as ArticleStatus] : undefined })
            }
          >
            <option value="">Any status</option>
            {filters.status && filters.status.length > 1 && <option value="home">{filters.status.map((s) => STATUS_LABEL[s]).join(' or ')}</option>}
            {ARTICLE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABEL[s]}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-section`}>Section</label>
          <input id={`${id}-section`} value={filters.section ?? ''} maxLength={100} onChange={(e) => set({ section: e.target.value })} />
          <label htmlFor={`${id}-author`}>Author</label>
          <select id={`${id}-author`} value={filters.authorId ?? ''} onChange={(e) => set({ authorId: e.target.value })}>
            <option value="">Any author</option>
            {authors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-tag`}>Tag</label>
          <input id={`${id}-tag`} value={filters.tag ?? ''} maxLength={60} onChange={(e) => set({ tag: e.target.value })} />
          <label htmlFor={`${id}-from`}>Edited from</label>
          <input id={`${id}-from`} type="date" value={dates.from} onChange={(e) => setDate('from', e.target.value)} />
          <label htmlFor={`${id}-to`}>Edited to</label>
          <input id={`${id}-to`} type="date" value={dates.to} onChange={(e) => setDate('to', e.target.value)} />
          <label htmlFor={`${id}-sort`}>Sort by</label>
          <select id={`${id}-sort`} value={filters.sort ?? 'edited'} onChange={(e) => set({ sort: e.target.value as ListFilters['sort'] })}>
            <option value="edited">Last edit</option>
            <option value="deadline">Deadline</option>
            <option value="waiting">Waiting longest</option>
          </select>
        </div>
      </details>
      {settingsOpen && <SettingsDialog onClose={() => setSettingsOpen(false)} />}
    </div>
  );
}
