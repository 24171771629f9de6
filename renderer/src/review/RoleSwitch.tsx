/**
 * Who is at the desk, and one control to switch role (a shared machine in solo mode): a click on
 * Writer or Editor keeps the name and switches the desk's home view with it.
 */
import { useId, useState } from 'react';
import { ROLES, type Role } from '../../../shared/workflow/transitions';
import { errorMessage } from '../api/call';
import { useSyncSelector } from '../sync/syncStatus';
import { useReview } from './ReviewContext';

const LABEL: Record<Role, string> = { writer: 'Writer', editor: 'Editor' };

export function RoleSwitch() {
  const { profile, saveProfile } = useReview();
  const fromAccount = useSyncSelector((sync) => sync?.account !== undefined && sync.connection.kind !== 'not-configured');
  const [error, setError] = useState('');
  const id = useId();
  if (!profile) return null;
  // Signed in, the role is the newsroom account's: shown, not switched here.
  if (fromAccount)
    return (
      <p className="role-switch role-fixed" data-testid="account-role">
        <span className="role-switch-name">{profile.name}</span> <span className="role-badge">{LABEL[profile.role]}</span>
      </p>
    );
  return (
    <fieldset className="role-switch">
      <legend className="role-switch-name">{profile.name}</legend>
      <div className="role-switch-options">
        {ROLES.map((role) => (
          <label key={role} className={profile.role === role ? 'selected' : ''}>
            <input
              type="radio"
              name={`${id}-role`}
              value={role}
              checked={profile.role === role}
              onChange={() =>
                saveProfile({ ...profile, role }).then(
                  () => setError(''),
                  (e) => setError(errorMessage(e)),
                )
              }
            />
            {LABEL[role]}
          </label>
        ))}
      </div>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
