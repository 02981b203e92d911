/** @mirai/web: the web application (public site and staff workspace), rendered on the server and hydrated. */
export * from './i18n/lang';
export * from './server';
export { type Levers, neutralLevers, recalcWorkbench, type WorkbenchResult } from './staff/workbench-engine';
export type * from './types';
export { defaultSite, type SiteInfo } from './ui/site';
