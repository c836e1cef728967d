/**
 * RFC 3161 trusted timestamps for the evidence log's firm-level head: a time-stamping authority (TSA) signs a
 * SHA-256 digest with its time, and the stored token is later verified offline against configured roots.
 *
 * This file imports nothing from the rest of the server: the cloud bundle is near its budget, so the module is
 * bundled on its own and loaded lazily. ASN.1 structures come from @peculiar/asn1-* (asn1js underneath);
 * signatures and certificate chains are checked by Node's crypto (OpenSSL), which adds no bundle bytes
 * (pkijs would do both in JavaScript, at about twice the minified size).
 */
import { createHash, randomBytes, verify as verifySignature, X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import {
  ContentInfo,
  SignedData,
  id_contentType,
  id_messageDigest,
  id_signedData,
  type SignerInfo,
} from '@peculiar/asn1-cms';
import {
  AlgorithmIdentifier,
  Certificate,
  ExtendedKeyUsage,
  KeyUsage,
  KeyUsageFlags,
  SubjectKeyIdentifier,
  id_ce_extKeyUsage,
  id_ce_keyUsage,
  id_ce_subjectKeyIdentifier,
  id_kp_timeStamping,
} from '@peculiar/asn1-x509';
import {
  MessageImprint,
  PKIStatus,
  TSTInfo,
  TimeStampReq,
  TimeStampResp,
  id_ct_tstInfo,
} from '@peculiar/asn1-tsp';

/** A granted timestamp, as the evidence log stores it. */
export interface TimestampToken {
  /** Base64 of the DER TimeStampToken (a CMS ContentInfo), exactly as the TSA sent it. */
  token: string;
  /** The TSA's time, ISO 8601 UTC. */
  genTime: string;
  /** The TSA's serial number for this token, hex. */
  serial: string;
  /** Subject of the signing certificate, e.g. `C=CN, O=…, CN=…`. */
  tsa: string;
  /** The TSA policy OID the token was issued under. */
  policy: string;
}

export type TimestampFacts = Omit<TimestampToken, 'token'>;

export type TimestampFailure = 'MALFORMED' | 'IMPRINT' | 'SIGNATURE' | 'CHAIN' | 'USAGE';

export type TimestampVerdict =
  ({ ok: true } & TimestampFacts) | { ok: false; code: TimestampFailure; message: string };

export type TimestampErrorCode = 'TSA_UNREACHABLE' | 'TSA_REJECTED' | 'TSA_BAD_RESPONSE';

/** Why a TSA gave no usable token. Match on `code`: `instanceof` does not survive a process boundary. */
export class TimestampError extends Error {
  readonly name = 'TimestampError';
  constructor(
    readonly code: TimestampErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const FAILURE_MESSAGES: Record<TimestampFailure, string> = {
  MALFORMED: '时间戳凭证格式无效，无法解析',
  IMPRINT: '时间戳与记录摘要不符',
  SIGNATURE: '时间戳签名无效，凭证可能被篡改',
  CHAIN: '时间戳证书无法链接到受信任的根证书',
  USAGE: '时间戳签发证书未被授权用于时间戳服务',
};

const SHA256 = '2.16.840.1.101.3.4.2.1';
const HASH_NAMES: Record<string, string> = {
  [SHA256]: 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};
/** Signature algorithms we check, and the hash each implies ('digest': the SignerInfo's digestAlgorithm). */
const SIGNATURE_HASHES: Record<string, string | null> = {
  '1.2.840.113549.1.1.1': 'digest', // rsaEncryption
  '1.2.840.113549.1.1.11': 'sha256',
  '1.2.840.113549.1.1.12': 'sha384',
  '1.2.840.113549.1.1.13': 'sha512',
  '1.2.840.10045.2.1': 'digest', // id-ecPublicKey
  '1.2.840.10045.4.3.2': 'sha256',
  '1.2.840.10045.4.3.3': 'sha384',
  '1.2.840.10045.4.3.4': 'sha512',
  '1.3.101.112': null, // Ed25519 signs the message itself
};
const ID_SIGNING_CERTIFICATE = '1.2.840.113549.1.9.16.2.12';
const ID_SIGNING_CERTIFICATE_V2 = '1.2.840.113549.1.9.16.2.47';
const MAX_CHAIN_LENGTH = 8;

/**
 * DER TimeStampReq for a SHA-256 digest, asking the TSA to include its certificate.
 * @example buildTimestampRequest(headHash, 42n)
 */
export function buildTimestampRequest(digestHex: string, nonce: bigint): Uint8Array {
  return new Uint8Array(serializeRequest(digestHex, nonce));
}

function serializeRequest(digestHex: string, nonce: bigint): ArrayBuffer {
  if (!isSha256Hex(digestHex)) throw new TypeError('digestHex must be 64 hex characters (SHA-256)');
  if (nonce < 0n) throw new RangeError('nonce must not be negative');
  const request = new TimeStampReq({
    messageImprint: new MessageImprint({
      hashAlgorithm: new AlgorithmIdentifier({ algorithm: SHA256, parameters: null }),
      hashedMessage: new OctetString(Buffer.from(digestHex, 'hex')),
    }),
    nonce: asn1js.Integer.fromBigInt(nonce).valueBlock.valueHexView.slice().buffer,
    certReq: true,
  });
  return AsnConvert.serialize(request);
}

/**
 * Asks the TSA at `url` to timestamp a SHA-256 digest. Checks the status, and that the token is well signed
 * and carries our imprint and nonce; its chain is left to `verifyTimestampToken` with the configured roots.
 * @throws TimestampError `TSA_UNREACHABLE` (network, timeout), `TSA_REJECTED`, `TSA_BAD_RESPONSE`;
 *   TypeError when `digestHex` is not a SHA-256 hex digest (a bug in the caller)
 * @example const stamp = await requestTimestamp('http://tsa.example/tsr', headHash, { timeoutMs: 5000 });
 */
export async function requestTimestamp(
  url: string,
  digestHex: string,
  opts: { timeoutMs?: number } = {},
): Promise<TimestampToken> {
  const nonce = BigInt(`0x${randomBytes(8).toString('hex')}`);
  const body = await postQuery(url, serializeRequest(digestHex, nonce), opts.timeoutMs ?? 10_000);

  let response: TimeStampResp;
  try {
    response = AsnConvert.parse(body, TimeStampResp);
  } catch {
    throw new TimestampError('TSA_BAD_RESPONSE', '时间戳服务的应答无法解析');
  }
  const { status, statusString, failInfo } = response.status;
  if (status !== PKIStatus.granted && status !== PKIStatus.grantedWithMods) {
    const reason = [...(statusString ?? []), failInfo?.toJSON().join(', ')].filter(Boolean).join('; ');
    throw new TimestampError(
      'TSA_REJECTED',
      `时间戳服务拒绝了请求（状态 ${status}${reason ? `：${reason}` : ''}）`,
    );
  }

  const tokenDer = responseTokenDer(body);
  const token = tokenDer && readToken(tokenDer);
  const signer = token && findSigner(token, []);
  if (!token || !signer) throw new TimestampError('TSA_BAD_RESPONSE', '时间戳服务的应答缺少有效的时间戳凭证');
  if (!imprintMatches(token.tstInfo, digestHex) || !nonceMatches(token.tstInfo, nonce)) {
    throw new TimestampError('TSA_BAD_RESPONSE', '时间戳服务的应答与请求不符（摘要或随机数不一致）');
  }
  if (!signatureHolds(token, signer)) {
    throw new TimestampError('TSA_BAD_RESPONSE', '时间戳服务的应答签名无效');
  }
  return { token: Buffer.from(tokenDer).toString('base64'), ...factsOf(token, signer) };
}

/**
 * Verifies a stored token for a digest against trusted roots (PEM). Checks, in order: structure, the CMS
 * signature (so what follows reads signed data), the imprint, the chain at genTime, the TSA's key usage.
 * Never throws: any input gives a verdict.
 */
export async function verifyTimestampToken(
  tokenBase64: string,
  digestHex: string,
  rootsPem: string[],
): Promise<TimestampVerdict> {
  try {
    const token = readToken(Buffer.from(tokenBase64, 'base64'));
    if (!token) return failure('MALFORMED');
    const roots = rootsPem.flatMap(readRoots);
    const signer = findSigner(token, roots);
    if (!signer) return failure('CHAIN', '时间戳凭证未附签发证书，已配置的证书中也没有');
    if (!signatureHolds(token, signer)) return failure('SIGNATURE');
    if (!imprintMatches(token.tstInfo, digestHex)) return failure('IMPRINT');
    if (roots.length === 0) return failure('CHAIN', '未配置可用的可信根证书');
    const genTime = token.tstInfo.genTime;
    if (!validAt(signer.x509, genTime)) return failure('CHAIN', '时间戳签发时，签发证书不在有效期内');
    const pool = token.certificates.map((c) => c.x509);
    if (!chainsToRoot(signer.x509, pool, roots, genTime)) return failure('CHAIN');
    if (!grantsTimestamping(signer.parsed)) return failure('USAGE');
    return { ok: true, ...factsOf(token, signer) };
  } catch {
    return failure('MALFORMED');
  }
}

/** The certificates in a PEM bundle. Throws on a block that is not a certificate. */
export function parsePemCertificates(pem: string): X509Certificate[] {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  return blocks.map((block) => new X509Certificate(block));
}

// --- reading a token ---------------------------------------------------------------------------------------

interface TokenCertificate {
  der: Uint8Array;
  x509: X509Certificate;
  parsed: Certificate;
}

interface ParsedToken {
  signerInfo: SignerInfo;
  /** The signed attributes as sent, with their [0] IMPLICIT tag: what the signature covers (re-tagged). */
  signedAttributes?: Uint8Array;
  tstInfo: TSTInfo;
  /** DER of the TSTInfo: what the messageDigest attribute covers. */
  content: Uint8Array;
  certificates: TokenCertificate[];
}

function readToken(der: Uint8Array): ParsedToken | undefined {
  try {
    const contentInfo = AsnConvert.parse(der, ContentInfo);
    if (contentInfo.contentType !== id_signedData) return undefined;
    const signedDataDer = new Uint8Array(contentInfo.content);
    const signedData = AsnConvert.parse(signedDataDer, SignedData);
    const { eContentType, eContent } = signedData.encapContentInfo;
    if (eContentType !== id_ct_tstInfo || !eContent || signedData.signerInfos.length !== 1) return undefined;
    const content = eContent.single ? new Uint8Array(eContent.single.buffer) : octetsOf(eContent.any);
    if (!content) return undefined;
    // Raw bytes come from asn1js: re-encoded certificates or attributes might no longer match their signatures.
    const fields = childrenOf(asn1js.fromBER(signedDataDer).result);
    const signerInfo = childrenOf(fields[fields.length - 1])[0];
    return {
      signerInfo: signedData.signerInfos[0],
      signedAttributes: taggedChild(signerInfo, 0)?.valueBeforeDecodeView.slice(),
      tstInfo: AsnConvert.parse(content, TSTInfo),
      content,
      certificates: childrenOf(taggedChild(fields, 0))
        .filter((choice) => choice instanceof asn1js.Sequence) // other choices are attribute certificates
        .map((choice) => fromDer(choice.valueBeforeDecodeView.slice())),
    };
  } catch {
    return undefined;
  }
}

/** The TimeStampToken inside a TimeStampResp, byte for byte. */
function responseTokenDer(responseDer: Uint8Array): Uint8Array | undefined {
  return childrenOf(asn1js.fromBER(responseDer).result)[1]?.valueBeforeDecodeView.slice();
}

function readRoots(pem: string): X509Certificate[] {
  try {
    return parsePemCertificates(pem);
  } catch {
    return []; // a broken root anchors nothing; an empty set is reported as CHAIN
  }
}

function findSigner(token: ParsedToken, roots: X509Certificate[]): TokenCertificate | undefined {
  const { sid } = token.signerInfo;
  const candidates = [...token.certificates, ...roots.map((root) => fromDer(new Uint8Array(root.raw)))];
  return candidates.find((cert) => {
    const tbs = cert.parsed.tbsCertificate;
    if (sid.issuerAndSerialNumber) {
      const { issuer, serialNumber } = sid.issuerAndSerialNumber;
      return (
        equalBytes(serialNumber, tbs.serialNumber) &&
        equalBytes(AsnConvert.serialize(issuer), AsnConvert.serialize(tbs.issuer))
      );
    }
    const keyId = sid.subjectKeyIdentifier;
    const extension = tbs.extensions?.find((e) => e.extnID === id_ce_subjectKeyIdentifier);
    if (!keyId || !extension) return false;
    return equalBytes(
      keyId.buffer,
      AsnConvert.parse(extension.extnValue.buffer, SubjectKeyIdentifier).buffer,
    );
  });
}

function fromDer(der: Uint8Array): TokenCertificate {
  return { der, x509: new X509Certificate(der), parsed: AsnConvert.parse(der, Certificate) };
}

function factsOf(token: ParsedToken, signer: TokenCertificate): TimestampFacts {
  const { genTime, serialNumber, policy } = token.tstInfo;
  return {
    genTime: genTime.toISOString(),
    serial: integerOf(serialNumber).toString(16),
    tsa: signer.x509.subject.split('\n').join(', '),
    policy,
  };
}

// --- the checks --------------------------------------------------------------------------------------------

function imprintMatches(tstInfo: TSTInfo, digestHex: string): boolean {
  const { hashAlgorithm, hashedMessage } = tstInfo.messageImprint;
  return (
    isSha256Hex(digestHex) &&
    hashAlgorithm.algorithm === SHA256 &&
    equalBytes(hashedMessage.buffer, Buffer.from(digestHex, 'hex'))
  );
}

function nonceMatches(tstInfo: TSTInfo, nonce: bigint): boolean {
  return tstInfo.nonce !== undefined && integerOf(tstInfo.nonce) === nonce;
}

/**
 * CMS signature over the signed attributes (RFC 5652 §5.4), which must bind the TSTInfo (messageDigest,
 * contentType) and name the signer certificate (ESS signingCertificate, RFC 3161 §2.4.2 / RFC 5816).
 */
function signatureHolds(token: ParsedToken, signer: TokenCertificate): boolean {
  const { signerInfo, content } = token;
  const hashName = HASH_NAMES[signerInfo.digestAlgorithm.algorithm];
  const raw = token.signedAttributes;
  if (!hashName || !raw) return false;
  if (oidOf(attributeValue(signerInfo, id_contentType)) !== id_ct_tstInfo) return false;
  const messageDigest = octetsOf(attributeValue(signerInfo, id_messageDigest));
  if (!messageDigest || !equalBytes(messageDigest, digest(hashName, content))) return false;
  if (!namesSigningCertificate(signerInfo, signer.der)) return false;

  const impliedHash = SIGNATURE_HASHES[signerInfo.signatureAlgorithm.algorithm];
  if (impliedHash === undefined) return false;
  if (impliedHash && impliedHash !== 'digest' && impliedHash !== hashName) return false;
  // The signature covers the attributes as a DER SET OF, not with the [0] IMPLICIT tag they are sent under.
  const signed = raw.slice();
  signed[0] = 0x31;
  try {
    const key = { key: signer.x509.publicKey, dsaEncoding: 'der' as const };
    const signature = new Uint8Array(signerInfo.signature.buffer);
    return verifySignature(impliedHash === null ? null : hashName, signed, key, signature);
  } catch {
    return false;
  }
}

/** The first ESSCertID(v2) must hash to the signer certificate, so another certificate for the key won't do. */
function namesSigningCertificate(signerInfo: SignerInfo, certificateDer: Uint8Array): boolean {
  const v2 = attributeValue(signerInfo, ID_SIGNING_CERTIFICATE_V2);
  const attribute = v2 ?? attributeValue(signerInfo, ID_SIGNING_CERTIFICATE);
  // SigningCertificate(V2) ::= SEQUENCE { certs SEQUENCE OF ESSCertID(v2), ... }
  const certIdFields = childrenOf(childrenOf(childrenOf(attribute)[0])[0]);
  // ESSCertIDv2 may open with its hashAlgorithm (default SHA-256); ESSCertID hashes with SHA-1.
  const algorithm =
    v2 && certIdFields[0] instanceof asn1js.Sequence ? childrenOf(certIdFields[0])[0] : undefined;
  const hashName = algorithm === undefined ? (v2 ? 'sha256' : 'sha1') : HASH_NAMES[oidOf(algorithm)];
  const certHash = octetsOf(certIdFields[algorithm === undefined ? 0 : 1]);
  return !!hashName && !!certHash && equalBytes(certHash, digest(hashName, certificateDer));
}

/** Walks from the signer to a configured root through the token's certificates, each valid at genTime. */
function chainsToRoot(
  signer: X509Certificate,
  pool: X509Certificate[],
  roots: X509Certificate[],
  at: Date,
): boolean {
  const used = new Set<X509Certificate>();
  let current = signer;
  for (let length = 0; length < MAX_CHAIN_LENGTH; length++) {
    if (roots.some((root) => root.fingerprint256 === current.fingerprint256)) return true;
    if (roots.some((root) => issued(root, current) && validAt(root, at))) return true;
    const next = pool.find((c) => !used.has(c) && issued(c, current) && validAt(c, at));
    if (!next) return false;
    used.add(next);
    current = next;
  }
  return false;
}

function issued(issuer: X509Certificate, subject: X509Certificate): boolean {
  try {
    return issuer.ca && subject.checkIssued(issuer) && subject.verify(issuer.publicKey);
  } catch {
    return false;
  }
}

function validAt(cert: X509Certificate, at: Date): boolean {
  return Date.parse(cert.validFrom) <= at.getTime() && at.getTime() <= Date.parse(cert.validTo);
}

/** RFC 3161 §2.3: one critical extendedKeyUsage with timeStamping alone; keyUsage, if any, allows signing. */
function grantsTimestamping(cert: Certificate): boolean {
  const extensions = cert.tbsCertificate.extensions ?? [];
  const eku = extensions.filter((e) => e.extnID === id_ce_extKeyUsage);
  if (eku.length !== 1 || !eku[0].critical) return false;
  const purposes = AsnConvert.parse(eku[0].extnValue.buffer, ExtendedKeyUsage);
  if (purposes.length !== 1 || purposes[0] !== id_kp_timeStamping) return false;
  const keyUsage = extensions.find((e) => e.extnID === id_ce_keyUsage);
  if (!keyUsage) return true;
  const flags = AsnConvert.parse(keyUsage.extnValue.buffer, KeyUsage).toNumber();
  return (flags & (KeyUsageFlags.digitalSignature | KeyUsageFlags.nonRepudiation)) !== 0;
}

// --- transport ---------------------------------------------------------------------------------------------

async function postQuery(url: string, query: ArrayBuffer, timeoutMs: number): Promise<Uint8Array> {
  let response: Response;
  let body: ArrayBuffer;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/timestamp-query', Accept: 'application/timestamp-reply' },
      body: query,
      signal: AbortSignal.timeout(timeoutMs),
    });
    body = await response.arrayBuffer();
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    // fetch says only "fetch failed"; the reason (ECONNREFUSED, ENOTFOUND, bad port…) is in its cause.
    const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
    const reason = timedOut ? `${timeoutMs} 毫秒内无应答` : String(cause?.code ?? cause?.message ?? error);
    throw new TimestampError('TSA_UNREACHABLE', `无法连接时间戳服务 ${url}：${reason}`);
  }
  if (!response.ok) {
    throw new TimestampError('TSA_BAD_RESPONSE', `时间戳服务返回 HTTP ${response.status}`);
  }
  return new Uint8Array(body);
}

// --- small ASN.1 and byte helpers --------------------------------------------------------------------------

function failure(code: TimestampFailure, message = FAILURE_MESSAGES[code]): TimestampVerdict {
  return { ok: false, code, message };
}

/** The single value of a signed attribute that must occur once, decoded; undefined otherwise. */
function attributeValue(signerInfo: SignerInfo, type: string): asn1js.AsnType | undefined {
  const matches = (signerInfo.signedAttrs ?? []).filter((a) => a.attrType === type);
  if (matches.length !== 1 || matches[0].attrValues.length !== 1) return undefined;
  const decoded = asn1js.fromBER(matches[0].attrValues[0]);
  return decoded.offset === -1 ? undefined : decoded.result;
}

function childrenOf(element: asn1js.AsnType | undefined): asn1js.AsnType[] {
  return element instanceof asn1js.Constructed ? element.valueBlock.value : [];
}

/** The constructed `[tagNumber]` field of a SEQUENCE, given as the element or as its fields. */
function taggedChild(parent: asn1js.AsnType | asn1js.AsnType[] | undefined, tagNumber: number) {
  const fields = Array.isArray(parent) ? parent : childrenOf(parent);
  return fields.find(
    ({ idBlock }) => idBlock.tagClass === 3 && idBlock.tagNumber === tagNumber && idBlock.isConstructed,
  );
}

/** Octets of an OCTET STRING, given decoded or as DER; constructed (BER) strings are joined. */
function octetsOf(element: asn1js.AsnType | ArrayBuffer | undefined): Uint8Array | undefined {
  const decoded = element instanceof ArrayBuffer ? asn1js.fromBER(element).result : element;
  return decoded instanceof asn1js.OctetString ? new Uint8Array(decoded.getValue()) : undefined;
}

function oidOf(element: asn1js.AsnType | undefined): string {
  return element instanceof asn1js.ObjectIdentifier ? element.getValue() : '';
}

function integerOf(bytes: ArrayBuffer): bigint {
  return new asn1js.Integer({ valueHex: bytes }).toBigInt();
}

function digest(hashName: string, data: Uint8Array): Uint8Array {
  return createHash(hashName).update(data).digest();
}

function isSha256Hex(value: string): boolean {
  return typeof value === 'string' && /^[0-9a-fA-F]{64}$/.test(value);
}

function equalBytes(a: ArrayBuffer | Uint8Array, b: ArrayBuffer | Uint8Array): boolean {
  return Buffer.from(a instanceof Uint8Array ? a : new Uint8Array(a)).equals(
    b instanceof Uint8Array ? b : new Uint8Array(b),
  );
}
