import { act, fireEvent, render, screen } from '@testing-library/react';
import { inflateSync } from 'node:zlib';
import Taro from '@tarojs/taro';
import type { Invite } from '@contract/index';
import { InviteCard, codeGroups, copyText, inviteLink } from './invite-card';
import { qrModules, qrPngDataUrl } from './invite-card.qr';
// After invite-card.qr, which makes sure lean-qr finds a TextEncoder.
import { generate, mode } from 'lean-qr';
import { Utf8Encoder } from './invite-card.text-encoder';

const INVITE: Invite = {
  inviteId: 'inv-00000001',
  kind: 'client',
  code: 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345',
  path: '/pages/join/index?code=ABCDEFGHJKMNPQRSTVWXYZ012345',
  link: 'https://casetrail.example.cn/#/pages/join/index?code=ABCDEFGHJKMNPQRSTVWXYZ012345',
  expiresAt: '2026-03-04T00:00:00.000Z',
};

/** Reads a 1-bit greyscale PNG back into rows of dark (true) and light pixels. */
function decodePng(dataUrl: string): boolean[][] {
  const png = Buffer.from(dataUrl.replace('data:image/png;base64,', ''), 'base64');
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  let at = 8;
  let side = 0;
  const idat: Buffer[] = [];
  while (at < png.length) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      side = data.readUInt32BE(0);
      expect([...data.subarray(8, 13)]).toEqual([1, 0, 0, 0, 0]);
    }
    if (type === 'IDAT') idat.push(data);
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const rowBytes = Math.ceil(side / 8);
  return Array.from({ length: side }, (_, y) =>
    Array.from({ length: side }, (_, x) => {
      const row = y * (rowBytes + 1);
      expect(raw[row]).toBe(0);
      return (raw[row + 1 + (x >> 3)] & (0x80 >> (x & 7))) === 0;
    }),
  );
}

describe('the invite code', () => {
  it('is shown in groups of four, each its own unbreakable piece', () => {
    expect(codeGroups(INVITE.code)).toEqual(['ABCD', 'EFGH', 'JKMN', 'PQRS', 'TVWX', 'YZ01', '2345']);
    const { container } = render(<InviteCard invite={INVITE} audience="客户" />);
    const groups = container.querySelectorAll('#invite-code .invite-card__group');
    expect(Array.from(groups, (g) => g.textContent)).toEqual(codeGroups(INVITE.code));
  });

  it('says 已复制 only when the copy succeeded', async () => {
    const toast = Taro.showToast as jest.Mock;
    toast.mockClear();
    render(<InviteCard invite={INVITE} audience="客户" />);
    await act(async () => fireEvent.click(screen.getByText('复制邀请码')));
    expect(Taro.setClipboardData).toHaveBeenLastCalledWith({ data: INVITE.code });
    expect(toast).toHaveBeenLastCalledWith(expect.objectContaining({ title: '已复制', icon: 'success' }));

    toast.mockClear();
    (Taro.setClipboardData as jest.Mock).mockRejectedValueOnce(new Error('privacy api banned'));
    expect(await copyText('x')).toBe(false);
    expect(toast).toHaveBeenCalledTimes(1);
    expect(toast.mock.calls[0][0].title).not.toContain('已复制');
  });
});

describe('the UTF-8 encoder lean-qr gets where the runtime has none', () => {
  it('encodes as UTF-8 does', () => {
    const text = 'https://例子.cn/#/a?code=ABCD-é-😀';
    expect([...new Utf8Encoder().encode(text)]).toEqual([...Buffer.from(text, 'utf8')]);
  });
});

describe('the invite link and its QR code', () => {
  it('uses the public address the server gave, not the page it is shown on', () => {
    expect(inviteLink(INVITE)).toBe(INVITE.link);
  });

  it('draws exactly the modules of the link’s QR code, with a quiet zone', () => {
    const scale = 3;
    const margin = 4;
    const pixels = decodePng(qrPngDataUrl(INVITE.link as string, scale, margin));
    const code = generate(
      mode.auto(INVITE.link as string, { modes: [mode.numeric, mode.alphaNumeric, mode.ascii, mode.utf8] }),
    );
    expect(code.size).toBe(qrModules(INVITE.link as string));
    expect(pixels.length).toBe((code.size + 2 * margin) * scale);
    for (let y = 0; y < pixels.length; y++) {
      for (let x = 0; x < pixels.length; x++) {
        const mx = Math.floor(x / scale) - margin;
        const my = Math.floor(y / scale) - margin;
        const inside = mx >= 0 && my >= 0 && mx < code.size && my < code.size;
        if (pixels[y][x] !== (inside && code.get(mx, my))) throw new Error(`pixel ${x},${y} differs`);
      }
    }
  });

  it('is shown on the card, as an image of the link', () => {
    const { container } = render(<InviteCard invite={INVITE} audience="客户" />);
    const img = container.querySelector('#invite-qr img, img#invite-qr, #invite-qr');
    expect(img).not.toBeNull();
    expect(container.innerHTML).toContain('data:image/png;base64,');
  });
});
