import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The Content-Security-Policy of the H5 page (agreed for the whole team: no inline script, no eval; inline styles
 * and `data:` images are fine). `extraScripts` are `'sha256-…'` sources for inline scripts the build itself wrote.
 */
export function h5ContentSecurityPolicy(extraScripts: string[] = []): string {
  return [
    "default-src 'self'",
    `script-src ${["'self'", ...extraScripts].join(' ')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join('; ');
}

/** API answers are data, never a document: nothing may load from them or frame them. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

/** Sent on every answer, whatever it is. */
export const COMMON_SECURITY_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

/**
 * `'sha256-…'` sources for the inline `<script>` elements of the built page. Taro's H5 template writes one (it sets
 * the root font size that its rem units are measured in): allowing exactly its hash keeps injected script out
 * while the page still lays out. A page without inline scripts gets none, and the policy is the agreed one as is.
 */
export function inlineScriptHashes(h5Dir: string): string[] {
  let html: string;
  try {
    html = fs.readFileSync(path.join(h5Dir, 'index.html'), 'utf8');
  } catch {
    return [];
  }
  const hashes: string[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\bsrc\s*=/i.test(match[1]) || match[2].length === 0) continue;
    hashes.push(`'sha256-${createHash('sha256').update(match[2], 'utf8').digest('base64')}'`);
  }
  return [...new Set(hashes)];
}
