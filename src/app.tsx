import { useState, type PropsWithChildren } from 'react';
import { createApi } from '@/api';
import { readClientInfo } from '@/api/client-info';
import { createPlatformTransport } from '@/api/platform-transport';
import { listenForPrivacyAuthorization } from '@/api/privacy-authorization';
import { withPrivacyGate } from '@/api/privacy-gate';
import { redirectToLogin } from '@/navigation/auth-guard';
import { redirectToConsent } from '@/navigation/privacy-redirect';
import { RootStore, StoresProvider } from '@/stores';
import './app.scss';
import './first-screens';

function createRootStore(): RootStore {
  const api = createApi({
    // Nothing is sent before the person agrees to the privacy notice (个人信息保护法 §13–14).
    transport: withPrivacyGate(createPlatformTransport(), redirectToConsent),
    clientInfo: readClientInfo,
    onUnauthenticated: redirectToLogin,
  });
  return new RootStore({ api });
}

listenForPrivacyAuthorization();

function App({ children }: PropsWithChildren) {
  const [store] = useState(createRootStore);
  return <StoresProvider store={store}>{children}</StoresProvider>;
}

export default App;
