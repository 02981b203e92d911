/**
 * A horizontally scrolling area (wide tables on a phone): focusable with the
 * keyboard (tabindex 0) and named, so keyboard users can scroll it too.
 */
import type { ReactNode } from 'react';

export function ScrollArea({
  label,
  hidden,
  children,
}: {
  label: string;
  hidden?: boolean;
  children: ReactNode;
}) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scroll area must take focus to be scrolled by keyboard
    <section className="table-scroll" tabIndex={0} aria-label={label} hidden={hidden}>
      {children}
    </section>
  );
}
