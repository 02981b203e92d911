/**
 * Co-creation partners (organisations and people inside or outside the city,
 * with contact persons), their links to plan items with a role, and the
 * reports they file on linked items (with photos) that staff accept or return.
 * Reports and their files are never deleted.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    sql`
      CREATE TABLE partners (
        id serial PRIMARY KEY,
        code text NOT NULL UNIQUE CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$'),
        kind text NOT NULL CHECK (kind IN ('resident-group', 'neighbourhood-association', 'company', 'npo',
          'university', 'public-body', 'relationship-population')),
        location text NOT NULL CHECK (location IN ('inside', 'outside')),
        name_ja text NOT NULL,
        name_en text,
        description_ja text,
        description_en text,
        website text,
        contacts jsonb NOT NULL DEFAULT '[]',
        listed boolean NOT NULL DEFAULT false,
        sample boolean NOT NULL DEFAULT false,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )
    `,
    sql`
      CREATE TABLE partner_links (
        partner_id integer NOT NULL REFERENCES partners(id),
        item_code text NOT NULL,
        item_kind text NOT NULL CHECK (item_kind IN ('measure', 'project', 'indicator')),
        role text NOT NULL CHECK (role IN ('implementer', 'co-creator', 'funder', 'supporter')),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (partner_id, item_code)
      )
    `,
    sql`CREATE INDEX partner_links_item ON partner_links (item_code)`,
    sql`
      CREATE TABLE partner_reports (
        id bigserial PRIMARY KEY,
        partner_id integer NOT NULL REFERENCES partners(id),
        item_code text NOT NULL,
        measure_code text NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        activity_date date NOT NULL,
        place text,
        people_reached integer CHECK (people_reached >= 0),
        hours numeric CHECK (hours >= 0),
        money_yen bigint CHECK (money_yen >= 0),
        indicator_code text,
        proposed_value numeric,
        status text NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'accepted', 'returned')),
        review_comment text,
        reviewed_by text,
        reviewed_at timestamptz,
        submitted_by text NOT NULL,
        sample boolean NOT NULL DEFAULT false,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((indicator_code IS NULL) = (proposed_value IS NULL))
      )
    `,
    sql`CREATE INDEX partner_reports_measure ON partner_reports (measure_code, status)`,
    sql`CREATE INDEX partner_reports_partner ON partner_reports (partner_id, id)`,
    sql`
      CREATE TABLE partner_report_files (
        id bigserial PRIMARY KEY,
        report_id bigint NOT NULL REFERENCES partner_reports(id),
        file_name text NOT NULL,
        media_type text NOT NULL,
        size_bytes integer NOT NULL,
        sha256 text NOT NULL,
        content bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )
    `,
    sql`CREATE INDEX partner_report_files_report ON partner_report_files (report_id)`,
    sql`
      CREATE FUNCTION cocreation_no_delete() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% rows are never deleted', TG_TABLE_NAME;
      END $$
    `,
    sql`CREATE TRIGGER partner_reports_no_delete BEFORE DELETE ON partner_reports
      FOR EACH ROW EXECUTE FUNCTION cocreation_no_delete()`,
    sql`CREATE TRIGGER partner_report_files_no_delete BEFORE DELETE ON partner_report_files
      FOR EACH ROW EXECUTE FUNCTION cocreation_no_delete()`,
  ]) {
    await statement.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE partner_report_files`.execute(db);
  await sql`DROP TABLE partner_reports`.execute(db);
  await sql`DROP TABLE partner_links`.execute(db);
  await sql`DROP TABLE partners`.execute(db);
  await sql`DROP FUNCTION cocreation_no_delete()`.execute(db);
}
