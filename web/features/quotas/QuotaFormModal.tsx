import { useEffect } from 'react';
import { App, DatePicker, Modal, Radio, Segmented } from 'antd';
import { FINISHED, Form } from '../../components/Form.tsx';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { PERIOD_KINDS, type PeriodKind } from '../../../core/enums.ts';
import type { Quota, QuotaCreate, QuotaUpdate } from '../../../core/schemas/forecast.ts';
import { isPositiveMoney, normaliseMoney } from '../../lib/money.ts';
import { TeamSelect } from '../../components/TeamSelect.tsx';
import { UserSelect } from '../../components/UserSelect.tsx';
import { useApiFeedback } from '../../components/useApiFeedback.ts';
import { useMe } from '../../lib/session.ts';
import { useSaveQuota } from './api.ts';
import { periodKey, periodStart } from '../forecast/period.ts';
import { MoneyInput } from '../../components/MoneyInput.tsx';

export type QuotaDialog = { mode: 'create'; year: number } | { mode: 'edit'; quota: Quota };
interface Values {
  subject: 'user' | 'team';
  userId?: string;
  teamId?: string;
  periodKind: PeriodKind;
  period: Dayjs;
  target: string;
  stretch?: string;
  challenge?: string;
}

/** What an optional level becomes: null when cleared, the canonical string otherwise. */
const level = (v: string | undefined): string | null => normaliseMoney(v ?? '');

export function QuotaFormModal({
  dialog,
  onClose,
  onReload,
}: {
  dialog: QuotaDialog | null;
  onClose: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const save = useSaveQuota();
  const fail = useApiFeedback();
  const { message } = App.useApp();
  const editing = dialog?.mode === 'edit';
  const subject = Form.useWatch('subject', form);
  const kind = Form.useWatch('periodKind', form) ?? 'year';

  useEffect(() => {
    if (!dialog) return;
    form.resetFields();
    if (dialog.mode === 'edit') {
      const q = dialog.quota;
      form.setFieldsValue({
        subject: q.teamId ? 'team' : 'user',
        userId: q.userId ?? undefined,
        teamId: q.teamId ?? undefined,
        periodKind: q.periodKind,
        period: periodStart(q.period) ?? dayjs(),
        target: q.target,
        stretch: q.stretch ?? undefined,
        challenge: q.challenge ?? undefined,
      });
    } else {
      // Only managers and admins set quotas; a manager's own is set from above, so they start with no one picked.
      const now = dayjs();
      form.setFieldsValue({
        subject: 'user',
        userId: me.role === 'admin' ? me.id : undefined,
        periodKind: 'year',
        period: now.year() === dialog.year ? now : dayjs(`${dialog.year}-01-01`),
      });
    }
  }, [dialog, form, me.id, me.role]);

  const submit = async (v: Values) => {
    if (!dialog) return;
    const target = normaliseMoney(v.target) ?? '';
    try {
      if (dialog.mode === 'edit') {
        const q = dialog.quota;
        const body: QuotaUpdate = { version: q.version };
        if (target !== q.target) body.target = target;
        if (level(v.stretch) !== q.stretch) body.stretch = level(v.stretch);
        if (level(v.challenge) !== q.challenge) body.challenge = level(v.challenge);
        await save.mutateAsync({ id: q.id, body });
      } else {
        const body: QuotaCreate = { period: periodKey(v.periodKind, v.period), target };
        if (v.subject === 'team' && v.teamId) body.teamId = v.teamId;
        else body.userId = v.userId;
        const stretch = level(v.stretch);
        const challenge = level(v.challenge);
        if (stretch) body.stretch = stretch;
        if (challenge) body.challenge = challenge;
        await save.mutateAsync({ body });
      }
      message.success(t('common.saved'));
      onClose();
      return FINISHED;
    } catch (e) {
      fail(e, {
        form,
        onReload: () => {
          onReload();
          onClose();
        },
      });
    }
  };

  const moneyRule = (required: boolean) => ({
    validator: (_: unknown, v: unknown) =>
      (!required && (v === undefined || v === null || v === '')) || isPositiveMoney(v)
        ? Promise.resolve()
        : Promise.reject(new Error(t('validation.positiveMoney'))),
  });

  return (
    <Modal
      open={!!dialog}
      title={editing ? t('quotas.edit') : t('quotas.new')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'quota-save' } as Record<string, string>}
      destroyOnHidden
    >
      <Form form={form} onFinish={submit} layout="vertical" data-testid="quota-form">
        <Form.Item name="subject" label={t('quotas.subject')}>
          <Radio.Group
            disabled={editing}
            optionType="button"
            options={[
              { value: 'user', label: t('quotas.person') },
              { value: 'team', label: t('quotas.team') },
            ]}
          />
        </Form.Item>
        {subject === 'team' ? (
          <Form.Item
            name="teamId"
            label={t('quotas.team')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <TeamSelect disabled={editing} />
          </Form.Item>
        ) : (
          <Form.Item
            name="userId"
            label={t('quotas.person')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <UserSelect disabled={editing} data-testid="quota-person" />
          </Form.Item>
        )}
        <Form.Item name="periodKind" label={t('quotas.periodKind')}>
          <Segmented<PeriodKind>
            disabled={editing}
            options={PERIOD_KINDS.slice()
              .reverse()
              .map((k) => ({
                value: k,
                label: <span data-testid={`quota-kind-${k}`}>{t(`enum.periodKind.${k}`)}</span>,
              }))}
          />
        </Form.Item>
        <Form.Item
          name="period"
          label={t('quotas.period')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <DatePicker
            picker={kind}
            disabled={editing}
            allowClear={false}
            format={kind === 'year' ? 'YYYY' : kind === 'month' ? 'YYYY-MM' : 'YYYY-[Q]Q'}
            style={{ width: '100%' }}
          />
        </Form.Item>
        <Form.Item
          name="target"
          label={t('quotas.target')}
          rules={[{ required: true, message: t('validation.required') }, moneyRule(true)]}
        >
          <MoneyInput />
        </Form.Item>
        <Form.Item
          name="stretch"
          label={t('quotas.stretch')}
          extra={t('quotas.stretchHint')}
          rules={[moneyRule(false)]}
        >
          <MoneyInput />
        </Form.Item>
        <Form.Item
          name="challenge"
          label={t('quotas.challenge')}
          extra={t('quotas.challengeHint')}
          rules={[moneyRule(false)]}
        >
          <MoneyInput />
        </Form.Item>
      </Form>
    </Modal>
  );
}
