/**
 * Table types of co-creation: partners and their links, partner reports and
 * their files, residents and their comments, workshops, followers, and the
 * server's generated secrets. Queries live with the use cases (app/cocreation).
 */
import type { Generated } from 'kysely';

type Json<T> = Generated<T>;

export interface CocreationTables {
  partners: {
    id: Generated<number>;
    code: string;
    kind: string;
    location: string;
    name_ja: string;
    name_en: string | null;
    description_ja: string | null;
    description_en: string | null;
    website: string | null;
    contacts: Json<unknown>;
    listed: Generated<boolean>;
    sample: Generated<boolean>;
    version: Generated<number>;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  partner_links: {
    partner_id: number;
    item_code: string;
    item_kind: string;
    role: string;
    created_at: Generated<Date>;
  };
  partner_reports: {
    id: Generated<string>;
    partner_id: number;
    item_code: string;
    measure_code: string;
    title: string;
    body: string;
    activity_date: string;
    place: string | null;
    people_reached: number | null;
    hours: number | null;
    money_yen: number | null;
    indicator_code: string | null;
    proposed_value: number | null;
    status: Generated<string>;
    review_comment: string | null;
    reviewed_by: string | null;
    reviewed_at: Date | null;
    submitted_by: string;
    sample: Generated<boolean>;
    version: Generated<number>;
    created_at: Generated<Date>;
  };
  partner_report_files: {
    id: Generated<string>;
    report_id: string;
    file_name: string;
    media_type: string;
    size_bytes: number;
    sha256: string;
    content: Uint8Array;
    created_at: Generated<Date>;
  };
  app_secrets: { name: string; secret: string; created_at: Generated<Date> };
  residents: {
    id: Generated<number>;
    email: string;
    display_name: string;
    confirmed_at: Date | null;
    token_hash: string | null;
    token_expires_at: Date | null;
    created_at: Generated<Date>;
  };
  resident_comments: {
    id: Generated<string>;
    resident_id: number;
    target_kind: string;
    target_code: string;
    kind: string;
    body: string;
    status: string;
    hidden_reason: string | null;
    moderated_by: string | null;
    moderated_at: Date | null;
    answer: string | null;
    answered_by: string | null;
    answered_at: Date | null;
    linked_measure: string | null;
    client_hash: string;
    version: Generated<number>;
    created_at: Generated<Date>;
  };
  workshops: {
    id: Generated<number>;
    code: string;
    title_ja: string;
    title_en: string | null;
    held_on: string;
    place: string;
    participants: Json<unknown>;
    outputs: Json<unknown>;
    shaped: Json<unknown>;
    published: Generated<boolean>;
    published_at: Date | null;
    sample: Generated<boolean>;
    version: Generated<number>;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  workshop_files: {
    id: Generated<string>;
    workshop_id: number;
    file_name: string;
    media_type: string;
    size_bytes: number;
    sha256: string;
    content: Uint8Array;
    created_at: Generated<Date>;
  };
  follows: {
    id: Generated<string>;
    email: string;
    target_kind: string;
    target_code: string;
    token_hash: string;
    confirmed_at: Date | null;
    unfollowed_at: Date | null;
    created_at: Generated<Date>;
  };
}
