// Text ⇄ link-safe payload: UTF-8, raw deflate, base64url. Knows nothing of
// scenarios; it only refuses payloads that are malformed or unpack too large.

import { deflateSync, Inflate } from 'fflate';

export function packText(text: string): string {
  return toBase64Url(deflateSync(new TextEncoder().encode(text), { level: 9 }));
}

export type UnpackResult =
  | { ok: true; text: string }
  | { ok: false; failure: 'bad-base64' | 'bad-compression' | 'oversized' | 'bad-text' };

export function unpackText(payload: string, maxBytes: number): UnpackResult {
  const packed = fromBase64Url(payload);
  if (!packed) return { ok: false, failure: 'bad-base64' };
  const bytes = inflateAtMost(packed, maxBytes);
  if (bytes === 'corrupt') return { ok: false, failure: 'bad-compression' };
  if (bytes === 'too-large') return { ok: false, failure: 'oversized' };
  try {
    // fatal: bytes that are not UTF-8 are a broken payload, not text to show with � in it.
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, failure: 'bad-text' };
  }
}

/**
 * Deflate packs about 1000:1 at best, so a few kB of link could unpack to
 * megabytes. Feeding it in small slices lets us stop as soon as the output
 * passes the limit, having unpacked at most one slice's worth beyond it.
 */
const SLICE = 64;

function inflateAtMost(packed: Uint8Array, maxBytes: number): Uint8Array | 'corrupt' | 'too-large' {
  // fflate returns nothing (rather than failing) for empty input: no stream is a broken stream.
  if (packed.length === 0) return 'corrupt';
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate((chunk) => {
    chunks.push(chunk);
    total += chunk.length;
  });
  try {
    for (let at = 0; at < packed.length; at += SLICE) {
      const end = Math.min(at + SLICE, packed.length);
      // Only the last push is final: that is when fflate reports a stream cut short.
      inflater.push(packed.subarray(at, end), end === packed.length);
      if (total > maxBytes) return 'too-large';
    }
  } catch {
    return 'corrupt';
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const BASE64URL = /^[A-Za-z0-9_-]*$/;

function fromBase64Url(text: string): Uint8Array | null {
  // atob forgives whitespace and padding; a link has neither, and a length of
  // 4n+1 can only be a link cut or padded by hand.
  if (!BASE64URL.test(text) || text.length % 4 === 1) return null;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(binary, (char) => char.charCodeAt(0));
  } catch {
    return null;
  }
}
