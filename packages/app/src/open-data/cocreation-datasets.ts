/**
 * Open datasets of co-creation: the accepted partner reports (what partners
 * did on which measure or project, with people reached, hours and money) and
 * the published workshops (participants by kind, outputs, what they shaped).
 * Submitted, returned and unpublished records are never in them.
 */
import { ok, workshopParticipantKinds, workshopParticipantLabels } from '@mirai/core';
import { anonymous } from '../auth/actor';
import { allAcceptedReports } from '../cocreation/report-use-cases';
import { listWorkshops } from '../cocreation/workshop-use-cases';
import { loadIndicatorScope } from '../indicators/indicator-scope';
import { col, type DatasetCell, defineDataset, newest } from './dataset-definition';
import { planSource } from './plan-datasets';

export const partnerReportsDataset = defineDataset({
  id: 'partner-reports',
  title: { ja: 'パートナーの活動報告（受理分）', en: "Partners' activity reports (accepted)" },
  description: {
    ja: '共創パートナーが連携する施策・事業について報告し、市が受理した活動（実施日、場所、参加・到達人数、活動時間、金額）。確認待ち・差し戻しの報告は含みません。',
    en: 'Activities partners reported on the measures and projects they are linked to and the city accepted (date, place, people reached, hours, money). Reports awaiting review or returned are not included.',
  },
  keywords: ['共創', '関係人口', 'パートナー', 'co-creation'],
  read: async (ctx) => {
    const scope = await loadIndicatorScope(ctx);
    if (!scope.ok) return scope;
    const reports = await allAcceptedReports(ctx);
    const rows: (DatasetCell | Date)[][] = reports.map((r) => [
      r.id,
      r.partner.code,
      r.partner.name.ja,
      r.itemCode,
      r.measureCode,
      r.activityDate,
      r.title,
      r.body,
      r.place,
      r.peopleReached,
      r.hours,
      r.moneyYen,
      r.reviewedAt ? new Date(r.reviewedAt) : null,
      r.sample,
    ]);
    return ok({
      columns: [
        col('report_id', '報告番号', 'Report ID', 'code'),
        col('partner_code', 'パートナーコード', 'Partner code', 'code'),
        col('partner_name', 'パートナー名', 'Partner name'),
        col('item_code', '対象コード', 'Item code', 'code'),
        col('measure_code', '施策コード', 'Measure code', 'code'),
        col('activity_date', '実施日', 'Activity date', 'code'),
        col('title', '件名', 'Title'),
        col('body', '内容', 'What was done'),
        col('place', '場所', 'Place'),
        col('people_reached', '参加・到達人数', 'People reached', 'number'),
        col('hours', '活動時間', 'Hours', 'number'),
        col('money_yen', '金額（円）', 'Money (JPY)', 'number'),
        col('accepted_at', '受理日時', 'Accepted at', 'timestamp'),
        col('sample', 'サンプル', 'Sample'),
      ],
      rows,
      modified: newest(reports.map((r) => r.reviewedAt)),
      source: planSource(scope.value.document),
      sample: reports.length > 0 && reports.every((r) => r.sample),
    });
  },
});

export const workshopsDataset = defineDataset({
  id: 'workshops',
  title: { ja: 'ワークショップの記録（公開分）', en: 'Workshop records (published)' },
  description: {
    ja: '市が開いたワークショップの開催日・場所・区分別の参加者数・成果と、反映された目指す姿（分野）と施策。公開された記録のみ。',
    en: 'Workshops the city held: date, place, participants by kind, outputs, and the desired states (fields) and measures they shaped. Published records only.',
  },
  keywords: ['共創', 'ワークショップ', 'workshops'],
  read: async (ctx) => {
    const scope = await loadIndicatorScope(ctx);
    if (!scope.ok) return scope;
    const list = await listWorkshops(ctx, anonymous);
    if (!list.ok) return list;
    const workshops = [...list.value].reverse();
    const rows: (DatasetCell | Date)[][] = workshops.map((w) => [
      w.code,
      w.title.ja,
      w.title.en,
      w.heldOn,
      w.place,
      ...workshopParticipantKinds.map((k) => w.participants[k] ?? 0),
      w.participantTotal,
      w.outputs.join(' / '),
      w.shaped.map((s) => s.code).join(' '),
      w.publishedAt ? new Date(w.publishedAt) : null,
      w.sample,
    ]);
    return ok({
      columns: [
        col('code', 'コード', 'Code', 'code'),
        col('title_ja', '名称', 'Title (Japanese)'),
        col('title_en', '名称（英語）', 'Title (English)'),
        col('held_on', '開催日', 'Date', 'code'),
        col('place', '場所', 'Place'),
        ...workshopParticipantKinds.map((k) =>
          col(
            `participants_${k.replace(/-/g, '_')}`,
            `参加者：${workshopParticipantLabels[k].ja}`,
            `Participants: ${workshopParticipantLabels[k].en}`,
            'number',
          ),
        ),
        col('participants_total', '参加者計', 'Participants in all', 'number'),
        col('outputs', '成果', 'Outputs'),
        col('shaped', '反映された分野・施策', 'Fields and measures shaped', 'code'),
        col('published_at', '公開日時', 'Published at', 'timestamp'),
        col('sample', 'サンプル', 'Sample'),
      ],
      rows,
      modified: newest(workshops.map((w) => w.publishedAt)),
      source: planSource(scope.value.document),
      sample: workshops.length > 0 && workshops.every((w) => w.sample),
    });
  },
});
