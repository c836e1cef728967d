import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { AsnConvert } from '@peculiar/asn1-schema';
import {
  CMSVersion,
  CertificateChoices,
  ContentInfo,
  SignedData,
  SignerIdentifier,
  id_signedData,
} from '@peculiar/asn1-cms';
import { Certificate, SubjectKeyIdentifier, id_ce_subjectKeyIdentifier } from '@peculiar/asn1-x509';
import { PKIStatus, PKIStatusInfo, TimeStampReq, TimeStampResp } from '@peculiar/asn1-tsp';
import {
  buildTimestampRequest,
  requestTimestamp,
  verifyTimestampToken,
  type TimestampError,
  type TimestampToken,
  type TimestampVerdict,
} from './rfc3161';
import {
  TEST_TSA_POLICY,
  TEST_TSA_SUBJECT,
  makeUnrelatedRootPem,
  startOpensslTsa,
  type OpensslTsa,
} from '../../../tests/fixtures/openssl-tsa';

const headOf = (text: string) => createHash('sha256').update(text).digest('hex');
const der = (stamp: TimestampToken) => Buffer.from(stamp.token, 'base64');
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

function pemCertificate(pem: string): Certificate {
  return AsnConvert.parse(Buffer.from(pem.replace(/-----[A-Z ]+-----|\s/g, ''), 'base64'), Certificate);
}

function signedDataOf(tokenDer: Uint8Array): SignedData {
  return AsnConvert.parse(AsnConvert.parse(tokenDer, ContentInfo).content, SignedData);
}

/** A copy of `bytes` with the byte at `at` changed (digits stay digits, so times still parse). */
function alteredAt(bytes: Buffer, at: number): Buffer {
  const copy = Buffer.from(bytes);
  const digit = copy[at] - 0x30;
  copy[at] = digit >= 0 && digit <= 9 ? 0x30 + ((digit + 1) % 10) : copy[at] ^ 0x01;
  return copy;
}

function indexOfOnce(haystack: Buffer, needle: Uint8Array): number {
  const at = haystack.indexOf(needle);
  expect(at).toBeGreaterThanOrEqual(0);
  expect(haystack.indexOf(needle, at + 1)).toBe(-1);
  return at;
}

async function thrownBy(promise: Promise<unknown>): Promise<TimestampError> {
  try {
    await promise;
  } catch (error) {
    return error as TimestampError;
  }
  throw new Error('expected a TimestampError');
}

/** A one-off HTTP server on 127.0.0.1 standing in for a misbehaving TSA. */
async function withFakeTsa(handler: http.RequestListener, use: (url: string) => Promise<void>) {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    await use(`http://127.0.0.1:${(server.address() as AddressInfo).port}/tsr`);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

describe('RFC 3161 timestamps from a real TSA (openssl ts)', () => {
  const head = headOf('firm head after event #42');
  let tsa: OpensslTsa;
  let stamp: TimestampToken;
  let roots: string[];

  beforeAll(async () => {
    tsa = await startOpensslTsa();
    roots = [tsa.rootPem];
    stamp = await requestTimestamp(tsa.url, head);
  });
  afterAll(() => tsa.close());

  it('timestamps the firm head and verifies the token against the TSA root', async () => {
    expect(Math.abs(Date.parse(stamp.genTime) - Date.now())).toBeLessThan(60_000);
    expect(stamp.genTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(stamp.serial).toMatch(/^[0-9a-f]+$/);
    expect(stamp.tsa).toBe(TEST_TSA_SUBJECT);
    expect(stamp.policy).toBe(TEST_TSA_POLICY);

    const { token: _token, ...facts } = stamp;
    expect(await verifyTimestampToken(stamp.token, head, roots)).toEqual({ ok: true, ...facts });
  });

  it('gives each token its own serial number', async () => {
    const next = await requestTimestamp(tsa.url, head);
    expect(next.serial).not.toBe(stamp.serial);
  });

  it('is accepted by openssl ts -verify, a second implementation', async () => {
    const openssl = await tsa.verifyWithOpenssl(der(stamp), head);
    expect(openssl.output).toContain('Verification: OK');
    expect(openssl.ok).toBe(true);
    expect((await tsa.verifyWithOpenssl(der(stamp), headOf('another head'))).ok).toBe(false);
  });

  it('says the token does not match a record with another digest', async () => {
    expect(await verifyTimestampToken(stamp.token, headOf('another head'), roots)).toEqual({
      ok: false,
      code: 'IMPRINT',
      message: '时间戳与记录摘要不符',
    });
    expect(await verifyTimestampToken(stamp.token, 'not a digest', roots)).toMatchObject({ code: 'IMPRINT' });
  });

  it('refuses a token whose signed attributes were altered', async () => {
    const signingTime = signedDataOf(der(stamp)).signerInfos[0].signedAttrs?.find(
      (attribute) => attribute.attrType === '1.2.840.113549.1.9.5',
    );
    const encoded = new Uint8Array(signingTime!.attrValues[0]);
    // The signer info comes last; a certificate made in the same second carries the same UTCTime earlier.
    const at = der(stamp).lastIndexOf(encoded) + encoded.length - 2; // last digit of the seconds
    const verdict = await verifyTimestampToken(base64(alteredAt(der(stamp), at)), head, roots);
    expect(verdict).toMatchObject({
      ok: false,
      code: 'SIGNATURE',
      message: '时间戳签名无效，凭证可能被篡改',
    });
  });

  it('refuses a token whose signature was altered', async () => {
    const signature = new Uint8Array(signedDataOf(der(stamp)).signerInfos[0].signature.buffer);
    const start = indexOfOnce(der(stamp), signature);
    for (const at of [start + signature.length - 1, start + 8]) {
      const verdict = await verifyTimestampToken(base64(alteredAt(der(stamp), at)), head, roots);
      expect(verdict.ok).toBe(false);
      expect(verdict).toMatchObject({ code: expect.stringMatching(/^(SIGNATURE|MALFORMED)$/) });
    }
  });

  it('refuses a token whose time was moved', async () => {
    const genTime = Buffer.from(stamp.genTime.replace(/[-:T]/g, '').slice(0, 14), 'ascii');
    const at = indexOfOnce(der(stamp), genTime) + 13;
    const verdict = await verifyTimestampToken(base64(alteredAt(der(stamp), at)), head, roots);
    expect(verdict).toMatchObject({ ok: false, code: 'SIGNATURE' });
  });

  it('refuses a token checked against an unrelated root, even though it carries its own root', async () => {
    const unrelated = await makeUnrelatedRootPem();
    expect(await verifyTimestampToken(stamp.token, head, [unrelated])).toMatchObject({
      ok: false,
      code: 'CHAIN',
      message: '时间戳证书无法链接到受信任的根证书',
    });
    expect(await verifyTimestampToken(stamp.token, head, [unrelated, tsa.rootPem])).toMatchObject({
      ok: true,
    });
    expect(await verifyTimestampToken(stamp.token, head, [])).toMatchObject({ code: 'CHAIN' });
    expect(await verifyTimestampToken(stamp.token, head, ['not a PEM'])).toMatchObject({ code: 'CHAIN' });
  });

  it('refuses a token signed by a certificate that is not authorised for timestamping', async () => {
    const tstInfo = new Uint8Array(signedDataOf(der(stamp)).encapContentInfo.eContent!.single!.buffer);
    const forged = await tsa.signWithoutTimestampUsage(tstInfo);
    expect(await verifyTimestampToken(base64(forged), head, roots)).toMatchObject({
      ok: false,
      code: 'USAGE',
      message: '时间戳签发证书未被授权用于时间戳服务',
    });
  });

  it('refuses a token whose TSA certificate was swapped for another one on the same key', async () => {
    // The signer identifier is not signed: naming the signer by key identifier lets a twin certificate for the
    // same key (here one without the timeStamping usage) stand in, unless the ESS attribute pins the original.
    const rebuilt = (swapForTwin: boolean) => {
      const signedData = signedDataOf(der(stamp));
      const signerInfo = signedData.signerInfos[0];
      const certificates = signedData.certificates!;
      const at = certificates.findIndex(({ certificate }) =>
        Buffer.from(certificate!.tbsCertificate.serialNumber).equals(
          Buffer.from(signerInfo.sid.issuerAndSerialNumber!.serialNumber),
        ),
      );
      const keyId = certificates[at].certificate!.tbsCertificate.extensions!.find(
        (e) => e.extnID === id_ce_subjectKeyIdentifier,
      )!;
      signerInfo.sid = new SignerIdentifier({
        subjectKeyIdentifier: AsnConvert.parse(keyId.extnValue.buffer, SubjectKeyIdentifier),
      });
      signerInfo.version = CMSVersion.v3;
      if (swapForTwin)
        certificates[at] = new CertificateChoices({ certificate: pemCertificate(tsa.twinPem) });
      const content = AsnConvert.serialize(signedData);
      return base64(
        new Uint8Array(AsnConvert.serialize(new ContentInfo({ contentType: id_signedData, content }))),
      );
    };
    expect(await verifyTimestampToken(rebuilt(false), head, roots)).toMatchObject({ ok: true });
    expect(await verifyTimestampToken(rebuilt(true), head, roots)).toMatchObject({
      ok: false,
      code: 'SIGNATURE',
    });
  });

  it('answers MALFORMED for empty, garbage and truncated tokens without throwing', async () => {
    const truncated = der(stamp).subarray(0, der(stamp).length - 1);
    const rootDer = new Uint8Array(AsnConvert.serialize(pemCertificate(tsa.rootPem)));
    for (const token of ['', '!!!', base64(Buffer.from('hello')), base64(truncated), base64(rootDer)]) {
      expect(await verifyTimestampToken(token, head, roots)).toEqual({
        ok: false,
        code: 'MALFORMED',
        message: '时间戳凭证格式无效，无法解析',
      });
    }
  });

  it('never throws, and no altered token attests anything but the original time, serial and TSA', async () => {
    const original = der(stamp);
    const { token: _token, ...facts } = stamp;
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), async (bytes) => {
        expect((await verifyTimestampToken(base64(bytes), head, roots)).ok).toBe(false);
      }),
      { numRuns: 200 },
    );
    await fc.assert(
      fc.asyncProperty(fc.nat(original.length - 1), async (length) => {
        const verdict = await verifyTimestampToken(base64(original.subarray(0, length)), head, roots);
        expect(verdict).toMatchObject({ ok: false, code: 'MALFORMED' });
      }),
      { numRuns: 200 },
    );
    await fc.assert(
      fc.asyncProperty(fc.nat(original.length - 1), fc.integer({ min: 1, max: 255 }), async (at, mask) => {
        const altered = Buffer.from(original);
        altered[at] ^= mask;
        const verdict = await verifyTimestampToken(base64(altered), head, roots);
        if (verdict.ok) expect(verdict).toEqual({ ok: true, ...facts });
      }),
      { numRuns: 150 },
    );
  });

  it('asks for a SHA-256 imprint, a nonce and the TSA certificate', () => {
    const request = AsnConvert.parse(buildTimestampRequest(head, 2n ** 63n + 7n), TimeStampReq);
    expect(request.messageImprint.hashAlgorithm.algorithm).toBe('2.16.840.1.101.3.4.2.1');
    expect(Buffer.from(request.messageImprint.hashedMessage.buffer).toString('hex')).toBe(head);
    expect(Buffer.from(request.nonce!).toString('hex')).toBe('008000000000000007');
    expect(request.certReq).toBe(true);
    expect(() => buildTimestampRequest('abc', 1n)).toThrow(TypeError);
  });

  it('refuses an answer made for another request (a replayed token)', async () => {
    const replayed = await fetch(tsa.url, {
      method: 'POST',
      body: Buffer.from(buildTimestampRequest(head, 1n)),
    });
    const body = Buffer.from(await replayed.arrayBuffer());
    await withFakeTsa(
      (_req, res) => res.writeHead(200, { 'Content-Type': 'application/timestamp-reply' }).end(body),
      async (url) => {
        expect(await thrownBy(requestTimestamp(url, head))).toMatchObject({
          name: 'TimestampError',
          code: 'TSA_BAD_RESPONSE',
        });
      },
    );
  });
});

describe('RFC 3161 timestamps from other TSA set-ups', () => {
  const head = headOf('firm head, another TSA');

  /** Stamps with `tsa`, verifies with both implementations, and expects them to agree. */
  async function stampAndVerify(tsa: OpensslTsa, expected: Partial<TimestampVerdict> = { ok: true }) {
    try {
      const stamp = await requestTimestamp(tsa.url, head);
      expect(await verifyTimestampToken(stamp.token, head, [tsa.rootPem])).toMatchObject(expected);
      expect((await tsa.verifyWithOpenssl(der(stamp), head)).ok).toBe(expected.ok);
    } finally {
      await tsa.close();
    }
  }

  it('verifies RSA-signed tokens too, as openssl does', async () => {
    await stampAndVerify(await startOpensslTsa({ key: 'rsa' }));
  });

  it('follows the intermediate CA a token carries up to the configured root', async () => {
    await stampAndVerify(await startOpensslTsa({ issuer: 'intermediate' }));
  });

  it('refuses a TSA certificate issued by a certificate that is not a CA', async () => {
    await stampAndVerify(await startOpensslTsa({ issuer: 'not-a-ca' }), { ok: false, code: 'CHAIN' });
  });

  it('refuses a token signed when the TSA certificate was not valid', async () => {
    await stampAndVerify(await startOpensslTsa({ expired: true }), {
      ok: false,
      code: 'CHAIN',
      message: '时间戳签发时，签发证书不在有效期内',
    });
  });
});

describe('a TSA that gives no usable token', () => {
  const head = headOf('firm head');

  it('is unreachable, quickly, when it refuses connections', async () => {
    // Port 9 is on fetch's list of blocked ports: refused before any connection is tried.
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));

    for (const url of ['http://127.0.0.1:9', `http://127.0.0.1:${port}/tsr`]) {
      const started = Date.now();
      const error = await thrownBy(requestTimestamp(url, head, { timeoutMs: 5000 }));
      expect(error).toMatchObject({ name: 'TimestampError', code: 'TSA_UNREACHABLE' });
      expect(error.message).toContain(`无法连接时间戳服务 ${url}`);
      expect(Date.now() - started).toBeLessThan(2000);
    }
  });

  it('is unreachable when it does not answer in time', async () => {
    await withFakeTsa(
      () => undefined,
      async (url) => {
        const started = Date.now();
        expect(await thrownBy(requestTimestamp(url, head, { timeoutMs: 200 }))).toMatchObject({
          code: 'TSA_UNREACHABLE',
        });
        expect(Date.now() - started).toBeLessThan(2000);
      },
    );
  });

  it('answers badly with an HTTP 500', async () => {
    await withFakeTsa(
      (_req, res) => res.writeHead(500).end('internal error'),
      async (url) => {
        expect(await thrownBy(requestTimestamp(url, head))).toMatchObject({
          code: 'TSA_BAD_RESPONSE',
          message: '时间戳服务返回 HTTP 500',
        });
      },
    );
  });

  it('answers badly with something that is not DER', async () => {
    await withFakeTsa(
      (_req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end('<html>维护中</html>'),
      async (url) => {
        expect(await thrownBy(requestTimestamp(url, head))).toMatchObject({ code: 'TSA_BAD_RESPONSE' });
      },
    );
  });

  it('rejects the request with a status other than granted', async () => {
    const rejection = AsnConvert.serialize(
      new TimeStampResp({ status: new PKIStatusInfo({ status: PKIStatus.rejection }) }),
    );
    await withFakeTsa(
      (_req, res) => res.writeHead(200).end(Buffer.from(rejection)),
      async (url) => {
        const error = await thrownBy(requestTimestamp(url, head));
        expect(error).toMatchObject({ code: 'TSA_REJECTED' });
        expect(error.message).toContain('时间戳服务拒绝了请求');
      },
    );
  });
});
