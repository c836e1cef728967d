import { createHash, randomBytes, randomUUID } from 'node:crypto';
import canonicalize from 'canonicalize';

/** A random identifier (UUID v4: 122 random bits), never sequential. */
export function newId(): string {
  return randomUUID();
}

/** `bytes` of cryptographic randomness. */
export function randomSecret(bytes: number): Buffer {
  return randomBytes(bytes);
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** RFC 8785 canonical JSON: stable key order and number form, so equal content hashes equally. */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('value cannot be canonicalized');
  return text;
}
