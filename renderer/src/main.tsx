import '@mantine/core/styles.css';
import '@mantine/charts/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/spotlight/styles.css';
import './app/global.css';
import { createRoot } from 'react-dom/client';
import { api } from './api/client';
import { App } from './app/App';
import { keepFollowing } from './app/clock';

// The first clock reading comes before the first render, so every default date is the core's today.
void keepFollowing(() => api.system.getClock({})).finally(() => createRoot(document.getElementById('root')!).render(<App />));
