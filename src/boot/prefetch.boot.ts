/**
 * The H5 page's boot script: the build (scripts/h5-boot.ts) compiles it and writes it inline into index.html,
 * where it runs as soon as the page's head is parsed, before app.js has even arrived. It sends the reads of the
 * screen being opened (src/boot/first-reads.ts) so their answers come back while app.js downloads, and the app
 * takes them instead of asking again (src/boot/early-answers.ts). It sends only what the app itself would send:
 * API reads only with a session token and this device's consent to the privacy notice in force, the dev
 * sign-in list only to a signed-out visitor opening the home or login page.
 */
import { PRIVACY_NOTICE_VERSION } from '@contract/privacy-version';
import { DEV_PERSONAS_URL, H5_BATCH_URL } from '@/api/h5-endpoints';
import { newRequestId } from '@/api/request-id';
import { CONSENT_KEY, TOKEN_KEY } from '@/api/storage-keys';
import { EARLY_ANSWERS_GLOBAL, type EarlyAnswer, type EarlyAnswers } from './early-answers';
import { firstReads, readKey } from './first-reads';

/** A value as Taro.setStorageSync keeps it on H5: `{"data": value}` as JSON. */
function stored(key: string): unknown {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as { data?: unknown }).data : undefined;
  } catch {
    return undefined;
  }
}

function answer(response: Promise<Response>): Promise<EarlyAnswer> {
  return response
    .then(async (res) => ({
      status: res.status,
      body: res.status < 500 ? ((await res.json()) as unknown) : null,
    }))
    .catch(() => null);
}

const token = stored(TOKEN_KEY);
const early: EarlyAnswers = {
  token: typeof token === 'string' && token ? token : null,
  sentAt: Date.now(),
  answers: {},
};
const hash = location.hash;

if (early.token && stored(CONSENT_KEY) === PRIVACY_NOTICE_VERSION) {
  // One request for all of them (POST /api/batch): one connection and one task on a phone's main thread.
  const reads = firstReads(hash);
  if (reads.length > 0) {
    const batch = answer(
      fetch(H5_BATCH_URL, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${early.token}` },
        body: JSON.stringify({
          requests: reads.map(({ action, payload }) => ({ action, payload, requestId: newRequestId() })),
        }),
      }),
    );
    reads.forEach(({ action, payload }, i) => {
      early.answers[readKey(action, payload)] = batch.then((got) => {
        const answers = (got?.body as { data?: { answers?: unknown[] } } | null)?.data?.answers;
        return got && got.status === 200 && answers && answers[i] !== undefined
          ? { status: 200, body: answers[i] }
          : null;
      });
    });
  }
} else if (!early.token && /^(#\/?(pages\/(index|login)\/index)?)?(\?|$)/.test(hash)) {
  early.answers[DEV_PERSONAS_URL] = answer(fetch(DEV_PERSONAS_URL));
}

(window as unknown as Record<string, unknown>)[EARLY_ANSWERS_GLOBAL] = early;
