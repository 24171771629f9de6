/** Who is at the desk and the review settings, loaded once and shared by the library and the article. */
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { Profile, ReviewSettings } from '../../../shared/model/review';
import { DEFAULT_CHECKLIST_SETTINGS } from '../../../shared/rules/checklist';
import { call } from '../api/call';

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
  useEffect(() => {
    call('getProfile', {})
      .then(setProfile)
      .catch(() => setProfile(null));
    call('getReviewSettings', {})
      .then(setSettings)
      .catch(() => undefined);
  }, []);
  const saveProfile = useCallback(async (p: Profile) => setProfile(await call('setProfile', p)), []);
  const saveSettings = useCallback(async (s: ReviewSettings) => setSettings(await call('setReviewSettings', s)), []);
  return <Context.Provider value={{ profile, settings, saveProfile, saveSettings }}>{children}</Context.Provider>;
}

export function useReview(): ReviewContextValue {
  return useContext(Context);
}
