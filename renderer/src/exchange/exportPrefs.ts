/** The export dialog's remembered formats (per window profile, in localStorage); main remembers the folder. */
const FORMATS_KEY = 'newsroom.exportFormats';

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
