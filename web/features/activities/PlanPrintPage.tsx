import type { ReactNode } from 'react';
import { Button, Space } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';
import { activityCrumbs, PageCrumbs } from '../../components/PageCrumbs.tsx';
import { FullPageError } from '../../components/FullPageError.tsx';
import { useMe } from '../../lib/session.ts';
import { useActivity } from './api.ts';
import { WhenText } from './ActivityTable.tsx';
import { useTypeLabel } from '../activity-types/typeLabel.ts';

// One A4 page: the sheet a rep takes into the meeting. Screen chrome disappears on paper.
const PRINT_CSS = `
@page { size: A4; margin: 12mm; }
@media print {
  .plan-no-print { display: none !important; }
  body { background: #fff !important; }
  .plan-sheet { box-shadow: none !important; margin: 0 !important; padding: 0 !important; width: auto !important; }
}
.plan-sheet table { width: 100%; border-collapse: collapse; font-size: 13px; table-layout: fixed; }
.plan-sheet th, .plan-sheet td { border: 1px solid #333; padding: 6px 8px; vertical-align: top; text-align: start; }
.plan-sheet th { width: 24%; background: #f3f4f6; font-weight: 600; }
.plan-sheet .pre { white-space: pre-wrap; overflow-wrap: anywhere; }
.plan-sheet .blank { height: 56px; }
`;

export function PlanPrintPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const typeLabel = useTypeLabel();
  const activity = useActivity(id);

  if (activity.isPending) return <FullPageSpin />;
  if (activity.isError) return <FullPageError error={activity.error} onRetry={() => void activity.refetch()} />;
  const a = activity.data;
  const row = (label: string, value: ReactNode, testId?: string) => (
    <tr>
      <th scope="row">{label}</th>
      <td className="pre" data-testid={testId}>
        {value || '—'}
      </td>
    </tr>
  );

  return (
    <div style={{ background: '#f5f5f5', minHeight: '100vh', padding: '16px 8px' }}>
      <style>{PRINT_CSS}</style>
      <div className="plan-no-print" style={{ maxWidth: 794, margin: '0 auto' }}>
        <PageCrumbs
          items={[
            ...activityCrumbs(t, a),
            { label: a.subject, to: `/activities/${a.id}` },
            { label: t('navigation.crumbs.print') },
          ]}
        />
      </div>
      <Space className="plan-no-print" style={{ maxWidth: 794, margin: '0 auto 12px', display: 'flex' }} wrap>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(`/activities/${a.id}`)} data-testid="print-back">
          {t('activities.back')}
        </Button>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="print-now">
          {t('activities.printNow')}
        </Button>
      </Space>
      <div
        className="plan-sheet"
        data-testid="plan-sheet"
        style={{
          background: '#fff',
          maxWidth: 794,
          margin: '0 auto',
          padding: 32,
          boxShadow: '0 1px 4px rgba(0,0,0,.15)',
        }}
      >
        <h2 style={{ textAlign: 'center', margin: '0 0 4px' }}>{t('activities.sheetTitle')}</h2>
        <div style={{ textAlign: 'center', color: '#555', marginBottom: 12, fontSize: 12 }}>
          {me.orgName} · {t('activities.printedAt', { date: dayjs().format('YYYY-MM-DD') })}
        </div>
        <table>
          <tbody>
            {row(t('field.activity.subject'), a.subject)}
            {row(t('field.activity.type'), typeLabel(a.type))}
            {row(t('field.activity.accountId'), a.accountName)}
            {row(t('field.activity.opportunityId'), a.opportunityName)}
            {row(t('field.activity.when'), <WhenText start={a.plannedStart} end={a.plannedEnd} />)}
            {row(t('field.activity.place'), a.place)}
            {row(
              t('field.activity.contactIds'),
              a.contacts.map((c) => [c.name, c.title].filter(Boolean).join(' · ')).join('、'),
            )}
            {row(t('field.activity.userIds'), [a.ownerName, ...a.users.map((u) => u.name)].join('、'))}
            {row(t('field.activity.objective'), a.objective, 'sheet-objective')}
            {row(
              t('field.activity.steps'),
              a.steps.length ? (
                <ol style={{ margin: 0, paddingInlineStart: 20 }}>
                  {a.steps.map((s, i) => (
                    <li key={i}>{s}</li>
                  ))}
                </ol>
              ) : null,
              'sheet-steps',
            )}
            {row(t('field.activity.talkingPoints'), a.talkingPoints)}
            {row(t('field.activity.diningPlan'), a.diningPlan)}
          </tbody>
        </table>
        <h3 style={{ margin: '16px 0 6px', fontSize: 14 }}>{t('activities.afterCall')}</h3>
        <table>
          <tbody>
            {row(
              t('activities.nextMeetingQuestion'),
              a.nextMeetingProposed === null
                ? `□ ${t('activities.yes')}　□ ${t('activities.no')}`
                : a.nextMeetingProposed
                  ? `☑ ${t('activities.yes')}`
                  : `☑ ${t('activities.no')}`,
            )}
            <tr>
              <th scope="row">{t('field.activity.outcome')}</th>
              <td className={a.outcome ? 'pre' : 'blank'}>{a.outcome}</td>
            </tr>
            <tr>
              <th scope="row">{t('field.activity.nextSteps')}</th>
              <td className={a.nextSteps ? 'pre' : 'blank'}>{a.nextSteps}</td>
            </tr>
          </tbody>
        </table>
      </div>
    </div>
  );
}
