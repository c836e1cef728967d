import { sources } from 'webpack';
import systemFontSize, { PAGE_META, withSystemFontSize } from '../../config/system-font-size';

const PAGE = '<import src="../../base.wxml"/>\n<template is="taro_tmpl" data="{{root:root}}" />';

describe('weapp pages follow the user’s WeChat font size', () => {
  it('puts <page-meta root-font-size="system"> first in a page, after its import', () => {
    expect(withSystemFontSize(PAGE)).toBe(
      `<import src="../../base.wxml"/>\n${PAGE_META}\n<template is="taro_tmpl" data="{{root:root}}" />`,
    );
    expect(PAGE_META).toContain('root-font-size="system"');
  });

  it('leaves a page that already has a page-meta as it is', () => {
    const own = `<import src="../../base.wxml"/><page-meta root-font-size="20px"></page-meta>`;
    expect(withSystemFontSize(own)).toBe(own);
  });

  it('changes every page of the weapp build and nothing else', async () => {
    let hook: ((args: { assets: Record<string, sources.Source>; miniPlugin?: unknown }) => void) | undefined;
    systemFontSize({ modifyBuildAssets: (fn: typeof hook) => (hook = fn) } as never);
    const assets: Record<string, sources.Source> = {
      'pages/index/index.wxml': new sources.RawSource(PAGE),
      'statement/view/index.wxml': new sources.RawSource(PAGE),
      'base.wxml': new sources.RawSource('<template name="taro_tmpl"></template>'),
      'comp.wxml': new sources.RawSource(PAGE),
    };
    const pages = new Set([
      { name: 'pages/index/index', isNative: false },
      { name: 'statement/view/index', isNative: false },
    ]);
    const env = process.env.TARO_ENV;
    process.env.TARO_ENV = 'weapp';
    try {
      hook!({ assets, miniPlugin: { pages } });
    } finally {
      process.env.TARO_ENV = env;
    }
    const text = (name: string) => assets[name].source().toString();
    expect(text('pages/index/index.wxml')).toContain(PAGE_META);
    expect(text('statement/view/index.wxml')).toContain(PAGE_META);
    expect(text('base.wxml')).not.toContain('page-meta');
    expect(text('comp.wxml')).not.toContain('page-meta');
  });
});
