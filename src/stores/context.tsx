import { createContext, useContext, type PropsWithChildren } from 'react';
import type { RootStore } from './root-store';

const StoresContext = createContext<RootStore | null>(null);

export function StoresProvider({ store, children }: PropsWithChildren<{ store: RootStore }>) {
  return <StoresContext.Provider value={store}>{children}</StoresContext.Provider>;
}

/** The app's RootStore, from the provider in app.tsx (or a test's own). */
export function useStores(): RootStore {
  const store = useContext(StoresContext);
  if (!store) throw new Error('useStores() outside <StoresProvider>');
  return store;
}
