/**
 * React's production build on the server whatever NODE_ENV says: React picks its build when first
 * loaded, so it is loaded here with NODE_ENV=production and NODE_ENV is then put back (it also
 * decides other things, such as secure cookies). Decision 0096.
 */
export async function productionReact(): Promise<void> {
  const saved = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await import('react');
    await import('react/jsx-runtime');
    await import('react-dom/server');
  } finally {
    if (saved === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = saved;
  }
}
