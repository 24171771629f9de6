/** Files and Yjs updates cross the IPC boundary as base64 (the HTTP transport carries JSON). */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  // In slices: String.fromCharCode with a huge argument list overflows the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export async function blobToBase64(blob: Blob): Promise<string> {
  return bytesToBase64(new Uint8Array(await blob.arrayBuffer()));
}

type NativeDecoder = { fromBase64?: (base64: string) => Uint8Array<ArrayBuffer> };

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  // Chromium's own decoder where it has one: a callback per character took 220 ms for a 10,000-block document's state.
  const native = (Uint8Array as unknown as NativeDecoder).fromBase64;
  if (native) return native(base64);
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
