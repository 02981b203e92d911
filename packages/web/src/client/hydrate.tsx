/** Hydrates the server-rendered page from the data embedded in it, with the pages one bundle holds. */
import { type ReactNode, useEffect } from 'react';
import { hydrateRoot } from 'react-dom/client';
import type { PageEnvelope } from '../types';

/** Marks the moment hydration has committed (for the browser tests and the benchmark). */
function HydrationMark() {
  useEffect(() => {
    performance.mark('mirai-hydrated');
    document.documentElement.dataset.hydrated = 'true';
  }, []);
  return null;
}

export function hydratePage(render: (envelope: PageEnvelope) => ReactNode): void {
  document.documentElement.classList.add('js');
  const data = document.getElementById('mirai-data');
  const root = document.getElementById('root');
  if (!data || !root) return;
  const envelope = JSON.parse(data.textContent ?? '{}') as PageEnvelope;
  hydrateRoot(
    root,
    <>
      {render(envelope)}
      <HydrationMark />
    </>,
  );
}
