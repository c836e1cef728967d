import { useState, type PropsWithChildren } from 'react';
import { createApi } from '@/api';
import { readClientInfo } from '@/api/client-info';
import { createPlatformTransport } from '@/api/platform-transport';
import { redirectToLogin } from '@/navigation/auth-guard';
import { RootStore, StoresProvider } from '@/stores';
import './app.scss';

function createRootStore(): RootStore {
  const api = createApi({
    transport: createPlatformTransport(),
    clientInfo: readClientInfo,
    onUnauthenticated: redirectToLogin,
  });
  return new RootStore({ api });
}

function App({ children }: PropsWithChildren) {
  const [store] = useState(createRootStore);
  return <StoresProvider store={store}>{children}</StoresProvider>;
}

export default App;
