/** Who is at the desk and the review settings, loaded once and shared by the library and the article. */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Profile, ReviewSettings } from '../../../shared/model/review';
import { DEFAULT_CHECKLIST_SETTINGS } from '../../../shared/rules/checklist';
import { call } from '../api/call';
import { useSyncSelector } from '../sync/syncStatus';

export type ReviewContextValue = {
  /** Undefined until loaded; null on first run. */
  profile: Profile | null | undefined;
  settings: ReviewSettings;
  saveProfile: (profile: Profile) => Promise<void>;
  saveSettings: (settings: ReviewSettings) => Promise<void>;
};

const Context = createContext<ReviewContextValue>({
  profile: null,
  settings: DEFAULT_CHECKLIST_SETTINGS,
  saveProfile: async () => undefined,
  saveSettings: async () => undefined,
});

export function ReviewProvider({ children }: { children: ReactNode }) {
  const [profile, setProfile] = useState<Profile | null | undefined>();
  const [settings, setSettings] = useState<ReviewSettings>(DEFAULT_CHECKLIST_SETTINGS);
  // Signed in to a newsroom, the profile is the account's: ask again whenever the account changes.
  const account = useSyncSelector((sync) =>
    sync?.account && sync.connection.kind !== 'not-configured' ? `${sync.account.name}\u0000${sync.account.role}` : '',
  );
  useEffect(() => {
    call('getProfile', {})
      .then(setProfile)
      .catch(() => setProfile(null));
  }, [account]);
  useEffect(() => {
    call('getReviewSettings', {})
      .then(setSettings)
      .catch(() => undefined);
  }, []);
  const saveProfile = useCallback(async (p: Profile) => setProfile(await call('setProfile', p)), []);
  const saveSettings = useCallback(async (s: ReviewSettings) => setSettings(await call('setReviewSettings', s)), []);
  // A new value object re-renders every consumer in the tree (the whole article): only when something changed.
  const value = useMemo(() => ({ profile, settings, saveProfile, saveSettings }), [profile, settings, saveProfile, saveSettings]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useReview(): ReviewContextValue {
  return useContext(Context);
}
