/** @mirai/web: the web application (public site and staff workspace). */
export * from './server';
