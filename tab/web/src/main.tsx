import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Root } from './shell/root.js';
import './shell/print.css';

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
