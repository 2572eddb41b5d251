/** Renderer entry: mounts the app inside the language provider. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { guardFieldUndo } from './history/fieldUndoGuard';
import { I18nProvider } from './i18n/I18nProvider';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

guardFieldUndo();

createRoot(container).render(
  <StrictMode>
    <I18nProvider>
      <App />
    </I18nProvider>
  </StrictMode>,
);
