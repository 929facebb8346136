import { useEffect } from 'react';
import { Alert, App, Button, Card, Checkbox, DatePicker, Drawer, Flex, Input, Radio, Rate, Typography } from 'antd';
import { FINISHED, Form } from '../../components/Form.tsx';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Activity, ActivityComplete } from '../../../core/schemas/activities.ts';
import { useIsMobile } from '../../components/useIsMobile.ts';
import { useApiFeedback } from '../../components/useApiFeedback.ts';
import { AssigneeSelect } from '../tasks/AssigneeSelect.tsx';
import { DateText } from '../../components/DateText.tsx';
import { useCompleteActivity } from './api.ts';
import { SATISFACTION_TYPES, useTypeLabel } from '../activity-types/typeLabel.ts';

interface Values {
  nextMeetingProposed?: boolean;
  outcome?: string;
  nextSteps?: string;
  satisfaction?: number;
  createFollowUp?: boolean;
  followUp?: { title?: string; dueDate?: Dayjs | null; assigneeId?: string };
}

interface Props {
  activity: Activity;
  open: boolean;
  onClose: () => void;
  onReload?: () => void;
}

const text = (s: string | undefined): string | null => (s && s.trim() ? s.trim() : null);
/** A task title is one line; the first line of the next steps says what to do. */
const titleFrom = (nextSteps: string | undefined): string => (nextSteps ?? '').trim().split('\n')[0].slice(0, 200);

/** Logging the call: what happened, whether the customer asked to meet again, and the follow-up. */
export function CompleteActivityDrawer({ activity: a, open, onClose, onReload }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const mobile = useIsMobile();
  const typeLabel = useTypeLabel();
  const complete = useCompleteActivity();
  const fail = useApiFeedback();
  const { message } = App.useApp();
  const nextSteps = Form.useWatch('nextSteps', form);
  const wantsFollowUp = Form.useWatch('createFollowUp', form);
  const askSatisfaction = SATISFACTION_TYPES.has(a.type);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({
      outcome: a.outcome ?? undefined,
      nextSteps: a.nextSteps ?? undefined,
      nextMeetingProposed: a.nextMeetingProposed ?? undefined,
      satisfaction: a.satisfaction ?? undefined,
      createFollowUp: false,
      followUp: { dueDate: dayjs().add(7, 'day'), assigneeId: a.ownerId },
    });
  }, [open, a, form]);

  // The title follows the next steps until the rep writes their own.
  useEffect(() => {
    if (wantsFollowUp && !form.isFieldTouched(['followUp', 'title']))
      form.setFieldValue(['followUp', 'title'], titleFrom(nextSteps));
  }, [wantsFollowUp, nextSteps, form]);

  const submit = async (v: Values) => {
    const body: ActivityComplete = {
      version: a.version,
      nextMeetingProposed: v.nextMeetingProposed === true,
      outcome: text(v.outcome),
      nextSteps: text(v.nextSteps),
    };
    if (askSatisfaction) body.satisfaction = v.satisfaction || null;
    if (v.createFollowUp && v.followUp) {
      body.followUp = {
        title: (v.followUp.title ?? '').trim(),
        dueDate: (v.followUp.dueDate ?? dayjs()).format('YYYY-MM-DD'),
      };
      if (v.followUp.assigneeId) body.followUp.assigneeId = v.followUp.assigneeId;
    }
    try {
      await complete.mutateAsync({ id: a.id, body });
      message.success(t('activities.logged'));
      onClose();
      return FINISHED;
    } catch (e) {
      fail(e, { form, onReload });
    }
  };

  const required = { required: true, message: t('validation.required') };
  // On a phone the actions sit at the bottom, under the thumb, and every target is at least 44 px.
  const touch = mobile ? { minHeight: 44 } : undefined;
  // Below 16 px iOS zooms the page into a field on focus, and the form then scrolls sideways.
  const typing = mobile ? { fontSize: 16 } : undefined;
  const actions = (
    <Flex gap={8} justify={mobile ? 'stretch' : 'flex-end'} data-testid="complete-actions">
      <Button onClick={onClose} size={mobile ? 'large' : undefined} style={mobile ? { ...touch, flex: 1 } : undefined}>
        {t('common.cancel')}
      </Button>
      <Button
        type="primary"
        size={mobile ? 'large' : undefined}
        style={mobile ? { ...touch, flex: 2 } : undefined}
        loading={complete.isPending}
        onClick={() => form.submit()}
        data-testid="complete-submit"
      >
        {t('common.save')}
      </Button>
    </Flex>
  );
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={mobile ? '100%' : 640}
      title={t('activities.logTitle')}
      destroyOnHidden
      extra={mobile ? undefined : actions}
      footer={mobile ? actions : undefined}
      styles={mobile ? { footer: { paddingBottom: 'max(12px, env(safe-area-inset-bottom))' } } : undefined}
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {typeLabel(a.type)} · {a.subject} · {a.accountName} · <DateText value={a.plannedStart} withTime />
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit} scrollToFirstError data-testid="complete-form">
        <Card
          size="small"
          style={{ marginBottom: 16, borderColor: '#1d4ed8', background: '#f0f5ff' }}
          data-testid="next-meeting-card"
        >
          <Form.Item
            name="nextMeetingProposed"
            label={
              <Typography.Text strong style={{ fontSize: 16 }}>
                {t('activities.nextMeetingQuestion')}
              </Typography.Text>
            }
            extra={t('activities.nextMeetingHint')}
            rules={[required]}
            style={{ marginBottom: 0 }}
          >
            <Radio.Group optionType="button" buttonStyle="solid" size="large" data-testid="next-meeting">
              <Radio.Button
                value={true}
                style={touch && { ...touch, lineHeight: '42px', minWidth: 88, textAlign: 'center' }}
              >
                <span data-testid="next-meeting-yes">{t('activities.yes')}</span>
              </Radio.Button>
              <Radio.Button
                value={false}
                style={touch && { ...touch, lineHeight: '42px', minWidth: 88, textAlign: 'center' }}
              >
                <span data-testid="next-meeting-no">{t('activities.no')}</span>
              </Radio.Button>
            </Radio.Group>
          </Form.Item>
        </Card>
        <Form.Item name="outcome" label={t('field.activity.outcome')} rules={[{ max: 10000 }]}>
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 10 }}
            inputMode="text"
            style={typing}
            data-testid="complete-outcome"
          />
        </Form.Item>
        <Form.Item name="nextSteps" label={t('field.activity.nextSteps')} rules={[{ max: 2000 }]}>
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            inputMode="text"
            style={typing}
            data-testid="complete-next-steps"
          />
        </Form.Item>
        {askSatisfaction && (
          <Form.Item
            name="satisfaction"
            label={t('field.activity.satisfaction')}
            extra={t('activities.satisfactionHint')}
          >
            <Rate count={5} style={mobile ? { fontSize: 36 } : undefined} data-testid="complete-satisfaction" />
          </Form.Item>
        )}
        <Form.Item name="createFollowUp" valuePropName="checked" style={{ marginBottom: 8 }}>
          <Checkbox data-testid="create-follow-up" style={touch && { ...touch, alignItems: 'center' }}>
            {t('activities.createFollowUp')}
          </Checkbox>
        </Form.Item>
        {wantsFollowUp && (
          <Card size="small" data-testid="follow-up-card">
            {!text(nextSteps) && (
              <Alert type="info" showIcon title={t('activities.followUpHint')} style={{ marginBottom: 8 }} />
            )}
            <Form.Item name={['followUp', 'title']} label={t('field.task.title')} rules={[required, { max: 200 }]}>
              <Input enterKeyHint="done" style={typing} data-testid="follow-up-title" />
            </Form.Item>
            <Form.Item name={['followUp', 'dueDate']} label={t('field.task.dueDate')} rules={[required]}>
              {/* Picked from the calendar panel: on a phone typing would only raise the keyboard over it. */}
              <DatePicker style={{ width: '100%' }} inputReadOnly={mobile} data-testid="follow-up-due" />
            </Form.Item>
            <Form.Item name={['followUp', 'assigneeId']} label={t('field.task.assigneeId')} style={{ marginBottom: 0 }}>
              <AssigneeSelect
                accountId={a.accountId}
                current={{ value: a.ownerId, label: a.ownerName }}
                data-testid="follow-up-assignee"
              />
            </Form.Item>
          </Card>
        )}
        <button type="submit" hidden />
      </Form>
    </Drawer>
  );
}
