import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Provider } from 'react-redux';
import { App } from './app/App';
import { makeStore } from './app/store';
import { platform } from './platform/platform';
import './styles.css';

// The workspace always talks to its own origin: in a browser the case service that
// served it, in the desktop app the app:// protocol that forwards to the chosen service.
const store = makeStore({ platform, serverUrl: window.location.origin });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Provider store={store}>
      <App />
    </Provider>
  </StrictMode>,
);
