/** Reads a dropped or chosen file as base64 for the exchange:import channel. */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  // In slices: String.fromCharCode with a huge argument list overflows the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

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
