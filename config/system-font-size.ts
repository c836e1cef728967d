/**
 * Weapp text follows the user's WeChat font size. A mini-program page ignores that setting unless it opts in; this
 * Taro plugin opts every page in by putting `<page-meta root-font-size="system">` at the top of its WXML, which
 * makes 1rem the user's font size. The type scale is in rem there (src/styles/type-scale.scss).
 */
import type { IPluginContext } from '@tarojs/service';
import { sources } from 'webpack';

export const PAGE_META = '<page-meta root-font-size="system"></page-meta>';

/**
 * A page's WXML with the page-meta as its first node (after the `<import>`/`<wxs>` declarations, which are not
 * nodes). A page that already has a page-meta (Taro's `enablePageMeta`) is left as it is.
 */
export function withSystemFontSize(wxml: string): string {
  if (wxml.includes('<page-meta')) return wxml;
  const declarations = /^(\s*<(import|wxs)\b[^>]*\/>\s*)*/.exec(wxml)?.[0] ?? '';
  return `${declarations}${PAGE_META}\n${wxml.slice(declarations.length)}`;
}

interface MiniPluginLike {
  pages?: Set<{ name: string; isNative?: boolean }>;
}

export default function systemFontSize(ctx: IPluginContext) {
  ctx.modifyBuildAssets(
    ({ assets, miniPlugin }: { assets: Record<string, sources.Source>; miniPlugin?: MiniPluginLike }) => {
      if (process.env.TARO_ENV !== 'weapp' || !miniPlugin?.pages) return;
      for (const page of miniPlugin.pages) {
        if (page.isNative) continue;
        const file = `${page.name}.wxml`;
        const asset = assets[file];
        if (!asset) continue;
        assets[file] = new sources.RawSource(withSystemFontSize(asset.source().toString()));
      }
    },
  );
}
