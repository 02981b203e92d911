/** The frame every page shares (language, header, staff menu when signed in, footer). */
import type { ReactNode } from 'react';
import { LangContext } from './i18n/lang';
import { DraftNotice } from './staff/draft-notice';
import { StaffBar } from './staff/staff-bar';
import type { PageEnvelope } from './types';
import { Layout } from './ui/layout';
import { defaultSite, SiteContext } from './ui/site';

export const isStaffPage = (page: string) => page.startsWith('staff-');

export function Shell({ envelope, children }: { envelope: PageEnvelope; children: ReactNode }) {
  return (
    <LangContext.Provider value={envelope.lang}>
      <SiteContext.Provider value={envelope.site ?? defaultSite}>
        <Layout path={envelope.path}>
          {'session' in envelope.model ? (
            <StaffBar session={envelope.model.session} path={envelope.path} />
          ) : null}
          {envelope.drafts ? <DraftNotice version={envelope.drafts.version} /> : null}
          {children}
        </Layout>
      </SiteContext.Provider>
    </LangContext.Provider>
  );
}
