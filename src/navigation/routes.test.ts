import { pageUrl, safeRedirect } from './routes';

describe('pageUrl (the URL a person comes back to after login or consent)', () => {
  it('leaves out the stamp the Taro H5 router adds to every page instance', () => {
    const url = pageUrl('pages/case/index', { id: 'c1', stamp: '3', $taroTimestamp: '171' });
    expect(url).toBe('/pages/case/index?id=c1');
    expect(url).not.toContain('stamp');
  });

  it('keeps the page’s own params, encoded', () => {
    expect(pageUrl('/statement/view/index', { caseId: 'c 1', id: 's1' })).toBe(
      '/statement/view/index?caseId=c%201&id=s1',
    );
    expect(safeRedirect(pageUrl('pages/case/index', { id: 'c1', stamp: '2' }))).toBe(
      '/pages/case/index?id=c1',
    );
  });
});
