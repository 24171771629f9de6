/**
 * Settings ▸ Newsroom server: the address, sign in and out, "Work offline". The password goes to the
 * server once and is never kept; the desk keeps a revocable session token (sealed by the system in
 * Electron, in memory only in the browser host).
 */
import { useEffect, useId, useRef, useState } from 'react';
import { connectionSentence } from '../../../shared/sync/syncState';
import { call, errorMessage } from '../api/call';
import { announce, useRestoreFocus } from '../app/focus';
import { takeSyncStatus, useSyncStatus } from './syncStatus';

/** The address policy's sentence for a plain connection beyond this computer (shared/sync/serverAddress.ts). */
const isInsecureRefusal = (message: string) => /unencrypted|not encrypted|ws:\/\/|http:\/\//i.test(message);

export function NewsroomServerDialog({ onClose }: { onClose: () => void }) {
  const status = useSyncStatus();
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [address, setAddress] = useState(status?.server?.url ?? '');
  const [allowInsecure, setAllowInsecure] = useState(status?.server?.allowInsecure ?? false);
  const [name, setName] = useState(status?.account?.name ?? '');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [offerInsecure, setOfferInsecure] = useState(status?.server?.allowInsecure ?? false);
  const [busy, setBusy] = useState(false);
  useRestoreFocus();
  useEffect(() => {
    if (ref.current && !ref.current.open) ref.current.showModal();
  }, []);

  const run = async (what: () => Promise<void>) => {
    setBusy(true);
    setError('');
    try {
      await what();
    } catch (e) {
      const message = errorMessage(e);
      setError(message);
      if (isInsecureRefusal(message)) setOfferInsecure(true);
    } finally {
      setBusy(false);
    }
  };

  const signIn = () =>
    run(async () => {
      takeSyncStatus(await call('configureSync', { server: address.trim(), ...(offerInsecure ? { allowInsecure } : {}) }));
      const next = await call('signInToServer', { name: name.trim(), password });
      setPassword('');
      takeSyncStatus(next);
      announce(`Signed in to the newsroom server as ${next.account?.name ?? name}.`);
      onClose();
    });

  const signedIn = status?.signedIn === true;
  return (
    <dialog ref={ref} className="confirm-dialog settings-dialog" aria-labelledby={`${id}-title`} onCancel={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!signedIn) void signIn();
        }}
      >
        <h2 id={`${id}-title`}>Newsroom server</h2>
        <p className="muted" data-testid="server-dialog-state">
          {status ? connectionSentence(status.connection) : ''}
          {status?.account && signedIn ? ` — signed in as ${status.account.name} (${status.account.role})` : ''}
        </p>
        {signedIn ? (
          <>
            <p>
              Server: <strong>{status?.server?.url}</strong>
            </p>
            <label className="checkbox-field">
              <input
                type="checkbox"
                checked={status?.paused ?? false}
                onChange={(e) => void run(async () => takeSyncStatus(await call('setWorkOffline', { offline: e.target.checked })))}
              />{' '}
              Work offline (changes stay on this computer until you turn this off)
            </label>
          </>
        ) : (
          <>
            <p className="muted">
              Sign in to share articles with your newsroom. Without a server, this desk works on its own as before. Your password is sent to the server and
              never stored here.
            </p>
            <div className="field">
              <label htmlFor={`${id}-address`}>Server address</label>
              <input
                id={`${id}-address`}
                value={address}
                placeholder="newsroom.example.org"
                autoComplete="url"
                spellCheck={false}
                maxLength={500}
                onChange={(e) => setAddress(e.target.value)}
              />
            </div>
            {offerInsecure && (
              <label className="checkbox-field">
                <input type="checkbox" checked={allowInsecure} onChange={(e) => setAllowInsecure(e.target.checked)} /> Allow an unencrypted connection to this
                server (only on a network you trust)
              </label>
            )}
            <div className="field">
              <label htmlFor={`${id}-name`}>Name</label>
              <input id={`${id}-name`} value={name} autoComplete="username" maxLength={200} onChange={(e) => setName(e.target.value)} />
            </div>
            <div className="field">
              <label htmlFor={`${id}-password`}>Password</label>
              <input
                id={`${id}-password`}
                type="password"
                value={password}
                autoComplete="current-password"
                maxLength={1000}
                onChange={(e) => setPassword(e.target.value)}
              />
            </div>
          </>
        )}
        {error && (
          <p className="error-text" role="alert">
            {error}
          </p>
        )}
        <div className="button-row end">
          <button type="button" onClick={onClose}>
            Close
          </button>
          {signedIn ? (
            <button
              type="button"
              disabled={busy}
              onClick={() =>
                void run(async () => {
                  takeSyncStatus(await call('signOutOfServer', {}));
                  announce('Signed out. Your articles stay on this computer.');
                })
              }
            >
              Sign out
            </button>
          ) : (
            <button type="submit" className="primary" disabled={busy || !address.trim() || !name.trim() || !password}>
              {busy ? 'Signing in…' : 'Sign in'}
            </button>
          )}
        </div>
      </form>
    </dialog>
  );
}
