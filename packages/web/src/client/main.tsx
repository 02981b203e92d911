/** Browser entry: hydrates the server-rendered page from the data embedded in it. */
import { useEffect } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { App } from '../app';
import type { PageEnvelope } from '../types';

/** Marks the moment hydration has committed (for the browser tests and the benchmark). */
function HydrationMark() {
  useEffect(() => {
    performance.mark('mirai-hydrated');
    document.documentElement.dataset.hydrated = 'true';
  }, []);
  return null;
}

document.documentElement.classList.add('js');
const data = document.getElementById('mirai-data');
const root = document.getElementById('root');
if (data && root) {
  const envelope = JSON.parse(data.textContent ?? '{}') as PageEnvelope;
  hydrateRoot(
    root,
    <>
      <App envelope={envelope} />
      <HydrationMark />
    </>,
  );
}
