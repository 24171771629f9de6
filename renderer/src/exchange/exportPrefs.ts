/** The export dialog's remembered folder and formats (per window profile, in localStorage). */
const FOLDER_KEY = 'newsroom.exportFolder';
const FORMATS_KEY = 'newsroom.exportFormats';

export const lastFolder = {
  get: (): string | undefined => localStorage.getItem(FOLDER_KEY) ?? undefined,
  set: (folder: string) => localStorage.setItem(FOLDER_KEY, folder),
};

export const lastFormats = {
  get: (): string[] | undefined => {
    try {
      const v: unknown = JSON.parse(localStorage.getItem(FORMATS_KEY) ?? 'null');
      return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined;
    } catch {
      return undefined;
    }
  },
  set: (formats: readonly string[]) => localStorage.setItem(FORMATS_KEY, JSON.stringify(formats)),
};
