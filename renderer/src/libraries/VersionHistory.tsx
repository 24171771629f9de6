/** Every saved version of a library entry, newest first; any one can be opened and read. */
import { useState, type ReactNode } from 'react';

type Version = { version: number; createdAt: string };

export function VersionHistory<V extends Version>({ versions, render }: { versions: V[]; render: (v: V) => ReactNode }) {
  const [open, setOpen] = useState<number | undefined>();
  if (versions.length === 0) return null;
  const shown = versions.find((v) => v.version === open);
  return (
    <section className="version-history" aria-label="Version history">
      <h3>Version history</h3>
      <ol>
        {versions.map((v) => (
          <li key={v.version}>
            <button type="button" aria-expanded={open === v.version} onClick={() => setOpen(open === v.version ? undefined : v.version)}>
              Version {v.version}
            </button>{' '}
            <span className="muted">{new Date(v.createdAt).toLocaleString()}</span>
            {v === versions[0] && <span className="muted"> (current)</span>}
          </li>
        ))}
      </ol>
      {shown && (
        <div className="version-view" role="region" aria-label={`Version ${shown.version}`}>
          {render(shown)}
        </div>
      )}
    </section>
  );
}
