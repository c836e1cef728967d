import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * WCAG 2.2 AA colour contrast of the design tokens, computed from src/styles/tokens.scss itself: a colour change
 * that fails AA fails here, before any screen shows it. Every pair must reach 4.5:1, the bar for normal text, so
 * large text (3:1) passes too.
 */
const SRC = path.resolve(__dirname, '..');
const tokens = new Map(
  Array.from(
    readFileSync(path.join(__dirname, 'tokens.scss'), 'utf8').matchAll(
      /^\$(color-[\w-]+):\s*(#[0-9a-f]{3,6})\b/gim,
    ),
  ).map((m) => [m[1], m[2]] as const),
);

function color(name: string): string {
  const value = name.startsWith('#') ? name : tokens.get(name);
  if (!value) throw new Error(`no token $${name} in tokens.scss`);
  return value;
}

/** Relative luminance (WCAG 2.x) of a #rgb or #rrggbb colour. */
function luminance(hex: string): number {
  const digits = hex.slice(1);
  const full = digits.length === 3 ? [...digits].map((d) => d + d).join('') : digits;
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(full.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(color(a)), luminance(color(b))].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** Colours text is written in (`color:` in the SCSS). */
const TEXT = [
  'color-text',
  'color-text-2',
  'color-text-3',
  'color-brand',
  'color-brand-dark',
  'color-success',
  'color-warning',
  'color-danger',
];
/** Surfaces text sits on: the page, cards, and the tinted panels, tags and banners. */
const SURFACES = [
  'color-card',
  'color-bg',
  'color-divider',
  'color-brand-light',
  'color-success-light',
  'color-warning-light',
  'color-danger-light',
];
/** Filled surfaces that carry white text (primary buttons, badges, ticks, filled tags). */
const FILLED = ['color-brand', 'color-brand-dark', 'color-success', 'color-warning', 'color-danger'];

describe('colour contrast of the design tokens (WCAG 2.2 AA)', () => {
  it('computes ratios as WCAG does', () => {
    expect(contrastRatio('#000', '#fff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777', '#fff')).toBeCloseTo(4.48, 2); // the classic just-failing grey
    expect(contrastRatio('#86909c', '#ffffff')).toBeLessThan(4.5); // the old 3rd text colour
  });

  it.each(TEXT.flatMap((fg) => SURFACES.map((bg) => [fg, bg])))('$%s on $%s reaches 4.5:1', (fg, bg) => {
    expect(contrastRatio(fg, bg)).toBeGreaterThanOrEqual(4.5);
  });

  it.each(FILLED)('white text on $%s reaches 4.5:1', (bg) => {
    expect(contrastRatio('#ffffff', bg)).toBeGreaterThanOrEqual(4.5);
  });

  it('lists every colour token the styles write text in', () => {
    // A new text colour must join TEXT above (and so be checked); found by scanning every `color:` in src.
    const used = new Set<string>();
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const file = path.join(dir, name);
        if (statSync(file).isDirectory()) walk(file);
        else if (name.endsWith('.scss')) {
          for (const m of readFileSync(file, 'utf8').matchAll(/(?:^|[\s;{])color:\s*\$(color-[\w-]+)/g))
            used.add(m[1]);
        }
      }
    };
    walk(SRC);
    expect(used.size).toBeGreaterThan(0);
    expect([...used].filter((name) => !TEXT.includes(name))).toEqual([]);
  });
});
