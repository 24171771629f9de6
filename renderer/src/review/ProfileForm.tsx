/**
 * Who is at the desk: asked in a modal welcome card on first run (it can be put off until the
 * next start; actions that need a name ask for it) and in Settings.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { Profile, ReviewSettings } from '../../../shared/model/review';
import type { Role } from '../../../shared/workflow/transitions';
import { errorMessage } from '../api/call';
import { WritingSettingsFields } from '../editor/WritingSettingsFields';
import { saveWritingSettings, useWritingSettings } from '../editor/writingSettings';
import type { WritingSettings } from '../../../shared/editor/typography';
import { announce, useRestoreFocus } from '../app/focus';
import { keepFocusInside } from '../app/keepFocusInside';
import { connectionSentence } from '../../../shared/sync/syncState';
import { openServerSettings } from '../sync/openServerSettings';
import { useSyncStatus } from '../sync/syncStatus';
import { useReview } from './ReviewContext';

function ProfileFields({ value, onChange }: { value: Profile; onChange: (p: Profile) => void }) {
  const id = useId();
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-name`}>Your name</label>
        <input id={`${id}-name`} value={value.name} maxLength={100} autoComplete="name" onChange={(e) => onChange({ ...value, name: e.target.value })} />
      </div>
      <fieldset className="role-choice">
        <legend>Your role</legend>
        {(['writer', 'editor'] as Role[]).map((role) => (
          <label key={role}>
            <input type="radio" name={`${id}-role`} value={role} checked={value.role === role} onChange={() => onChange({ ...value, role })} />{' '}
            {role === 'writer' ? 'Writer' : 'Editor'}
          </label>
        ))}
      </fieldset>
    </>
  );
}

/** "Later" lasts for this window's session (reloads too); the next start asks again. */
const WELCOME_LATER_KEY = 'newsroom.welcome.later';

export function FirstRunCard() {
  const { profile, saveProfile } = useReview();
  const [value, setValue] = useState<Profile>({ name: '', role: 'writer' });
  const [error, setError] = useState('');
  const [later, setLater] = useState(() => sessionStorage.getItem(WELCOME_LATER_KEY) === '1');
  const ref = useRef<HTMLDialogElement>(null);
  const shown = profile === null && !later;
  useEffect(() => {
    // Modal: focus stays in the card and nothing behind it can be used until it is answered.
    if (shown && ref.current && !ref.current.open) ref.current.showModal();
  }, [shown]);
  if (!shown) return null;
  const putOff = () => {
    sessionStorage.setItem(WELCOME_LATER_KEY, '1');
    setLater(true);
  };
  return (
    <dialog
      ref={ref}
      className="confirm-dialog first-run"
      aria-labelledby="welcome-title"
      aria-describedby="welcome-text"
      onKeyDown={keepFocusInside}
      onCancel={(e) => {
        e.preventDefault();
        putOff();
      }}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          saveProfile(value).catch((err) => setError(errorMessage(err)));
        }}
      >
        <h2 id="welcome-title">Welcome to the desk</h2>
        <p id="welcome-text" className="muted">
          Every submission, comment and approval is signed with your name. You can change this later in Settings.
        </p>
        <ProfileFields value={value} onChange={setValue} />
        {error && <p className="error-text">{error}</p>}
        <div className="button-row end">
          <button type="button" onClick={putOff}>
            Later
          </button>
          <button type="submit" className="primary" disabled={!value.name.trim()}>
            Start
          </button>
        </div>
      </form>
    </dialog>
  );
}

export function SettingsDialog({ onClose }: { onClose: () => void }) {
  const { profile, settings, saveProfile, saveSettings } = useReview();
  const sync = useSyncStatus();
  const fromAccount = sync?.account !== undefined && sync.connection.kind !== 'not-configured';
  const [value, setValue] = useState<Profile>(profile ?? { name: '', role: 'writer' });
  const [limits, setLimits] = useState<ReviewSettings>(settings);
  const savedWriting = useWritingSettings();
  // Null until changed here, so settings that load after the dialog opens are the ones saved.
  const [writingDraft, setWriting] = useState<WritingSettings | null>(null);
  const writing = writingDraft ?? savedWriting;
  const [error, setError] = useState('');
  const ref = useRef<HTMLDialogElement>(null);
  const limitId = useId();
  useRestoreFocus();
  useEffect(() => {
    if (ref.current && !ref.current.open) ref.current.showModal();
  }, []);
  return (
    <dialog ref={ref} className="confirm-dialog settings-dialog" aria-labelledby="settings-title" onCancel={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          Promise.all([fromAccount ? undefined : saveProfile(value), saveSettings(limits), saveWritingSettings(writing)])
            .then(() => {
              announce('Settings saved.');
              onClose();
            })
            .catch((err) => setError(errorMessage(err)));
        }}
      >
        <h2 id="settings-title">Settings</h2>
        {fromAccount ? (
          <p data-testid="profile-from-account">
            You are <strong>{profile?.name}</strong> ({profile?.role}): your name and role come from your newsroom account.
          </p>
        ) : (
          <ProfileFields value={value} onChange={setValue} />
        )}
        <div className="field">
          <label htmlFor={limitId}>Headline limit (characters)</label>
          <input
            id={limitId}
            type="number"
            min={10}
            max={300}
            value={limits.headlineMaxLength}
            onChange={(e) => setLimits({ headlineMaxLength: Math.max(10, Math.min(300, Math.round(Number(e.target.value) || 10))) })}
          />
        </div>
        <WritingSettingsFields value={writing} onChange={setWriting} />
        <fieldset className="settings-server">
          <legend>Newsroom server</legend>
          <p className="muted">{sync ? connectionSentence(sync.connection) : ''}</p>
          <button
            type="button"
            onClick={() => {
              onClose();
              openServerSettings();
            }}
          >
            {sync?.signedIn ? 'Newsroom server…' : 'Sign in to a newsroom server…'}
          </button>
        </fieldset>
        {error && <p className="error-text">{error}</p>}
        <div className="button-row end">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!fromAccount && !value.name.trim()}>
            Save settings
          </button>
        </div>
      </form>
    </dialog>
  );
}
