type RandomFill = (bytes: Uint8Array) => void;

function cryptoFill(): RandomFill | null {
  const c = (globalThis as { crypto?: { getRandomValues?: (a: Uint8Array) => Uint8Array } }).crypto;
  return c && typeof c.getRandomValues === 'function' ? (a) => void c.getRandomValues!(a) : null;
}

/** Last resort where no CSPRNG is exposed synchronously (older mini-program base libraries). */
const mathFill: RandomFill = (bytes) => {
  for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
};

/**
 * A fresh idempotency key: 128 random bits as 32 hex characters. It need not be secret, only unique
 * per logical operation, so the Math.random fallback is acceptable where crypto is missing.
 */
export function newRequestId(fill: RandomFill = cryptoFill() ?? mathFill): string {
  const bytes = new Uint8Array(16);
  fill(bytes);
  let hex = '';
  for (const b of bytes) hex += b.toString(16).padStart(2, '0');
  return hex;
}
