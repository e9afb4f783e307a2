const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

/** A random 20-character id of `[A-Za-z0-9_-]` (120 bits), for responses, events and visitors. */
export function randomId(): string {
  const bytes = new Uint8Array(20);
  try {
    crypto.getRandomValues(bytes);
  } catch {
    for (let index = 0; index < bytes.length; index++) bytes[index] = Math.random() * 256;
  }
  let id = '';
  for (const byte of bytes) id += ALPHABET[byte & 63];
  return id;
}
