/**
 * H5 only: the screens people open first ship in the first load instead of a lazy chunk fetched after it — the
 * home page (everyone lands there), the login page (where a new visitor is sent) and the case page (a client's
 * daily screen). Without this the browser learns of their code only after app.js has run, one round trip later.
 * The router's `import()` of these pages then resolves from what is already loaded.
 */
import './pages/index/index';
import './pages/login/index';
import './pages/case/index';
