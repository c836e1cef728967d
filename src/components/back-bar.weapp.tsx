/** The weapp keeps its native navigation bar's back button; back-bar.tsx is the H5 one. */
export function BackBar() {
  return null;
}
