import { Button, Col, DatePicker, Flex, Form, Input, Row, Select, Typography, type FormInstance } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { AccountSelect } from '../../components/AccountSelect.tsx';
import { UserSelect } from '../../components/UserSelect.tsx';
import { useIsMobile } from '../../components/useIsMobile.ts';
import { withCurrent } from '../../lib/options.ts';
import { useAccountContacts, useAccountDeals } from '../../lib/account-pickers.ts';
import { useTypeOptions } from '../activity-types/typeLabel.ts';
import type { Activity } from '../../../core/schemas/activities.ts';
import type { PlanValues } from './planValues.ts';
import { TEXT_SECONDARY } from '../../components/a11y.ts';

const DATE_TIME = 'YYYY-MM-DD HH:mm';

interface SectionProps {
  form: FormInstance<PlanValues>;
}

/** Step 1: what kind of call, with whom (account, deal), when and where. */
export function WhenWhereSection({
  form,
  accountLocked,
  accountName,
  activity,
}: SectionProps & { accountLocked: boolean; accountName?: string; activity?: Activity }) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const typeOptions = useTypeOptions(activity?.type);
  const accountId = Form.useWatch('accountId', form);
  const deals = useAccountDeals(accountId);
  const half = mobile ? 24 : 12;
  const required = { required: true, message: t('validation.required') };

  // A new start moves the end with it, keeping the planned length, so the end is never before the start.
  const onStart = (start: Dayjs | null) => {
    const prev = form.getFieldValue('plannedStart') as Dayjs | null | undefined;
    const end = form.getFieldValue('plannedEnd') as Dayjs | null | undefined;
    if (!start) return;
    const length = prev && end && end.isAfter(prev) ? end.diff(prev, 'minute') : 60;
    form.setFieldValue('plannedEnd', start.add(length, 'minute'));
  };

  return (
    <Row gutter={16}>
      <Col span={half}>
        <Form.Item name="type" label={t('field.activity.type')} rules={[required]}>
          <Select<string> options={typeOptions} placeholder={t('common.choose')} data-testid="activity-type" />
        </Form.Item>
      </Col>
      <Col span={half}>
        <Form.Item name="subject" label={t('field.activity.subject')} rules={[required, { max: 200 }]}>
          <Input data-testid="activity-subject" />
        </Form.Item>
      </Col>
      <Col span={half}>
        <Form.Item name="accountId" label={t('field.activity.accountId')} rules={[required]}>
          <AccountSelect
            currentLabel={accountName}
            disabled={accountLocked}
            placeholder={t('common.searchToChoose')}
            onChange={() => form.setFieldsValue({ opportunityId: null, contactIds: [] })}
            data-testid="activity-account"
          />
        </Form.Item>
      </Col>
      <Col span={half}>
        <Form.Item
          name="opportunityId"
          label={t('field.activity.opportunityId')}
          extra={!accountId ? t('activities.pickAccountFirst') : undefined}
        >
          <Select<string>
            allowClear
            disabled={!accountId}
            loading={deals.isFetching}
            options={withCurrent(
              (deals.data ?? []).map((d) => ({ value: d.id, label: d.name })),
              [
                activity?.opportunityId
                  ? { value: activity.opportunityId, label: activity.opportunityName ?? '' }
                  : null,
              ],
            )}
            placeholder={t('common.choose')}
            data-testid="activity-deal"
          />
        </Form.Item>
      </Col>
      <Col span={half}>
        <Form.Item name="plannedStart" label={t('field.activity.plannedStart')} rules={[required]}>
          <DatePicker
            showTime={{ format: 'HH:mm', minuteStep: 5 }}
            format={DATE_TIME}
            needConfirm={false}
            onChange={onStart}
            style={{ width: '100%' }}
            data-testid="activity-start"
          />
        </Form.Item>
      </Col>
      <Col span={half}>
        <Form.Item
          name="plannedEnd"
          label={t('field.activity.plannedEnd')}
          dependencies={['plannedStart']}
          rules={[
            required,
            ({ getFieldValue }) => ({
              validator: (_, end: Dayjs | null) => {
                const start = getFieldValue('plannedStart') as Dayjs | null;
                return !end || !start || end.isAfter(start)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('activities.endBeforeStart')));
              },
            }),
          ]}
        >
          <DatePicker
            showTime={{ format: 'HH:mm', minuteStep: 5 }}
            format={DATE_TIME}
            needConfirm={false}
            style={{ width: '100%' }}
            data-testid="activity-end"
          />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="place" label={t('field.activity.place')} rules={[{ max: 300 }]}>
          <Input data-testid="activity-place" />
        </Form.Item>
      </Col>
    </Row>
  );
}

/** Step 2: the customer's people (contacts of that account) and ours. */
export function WhoSection({ form, activity }: SectionProps & { activity?: Activity }) {
  const { t } = useTranslation();
  const accountId = Form.useWatch('accountId', form);
  const contacts = useAccountContacts(accountId);
  return (
    <>
      <Form.Item
        name="contactIds"
        label={t('field.activity.contactIds')}
        extra={accountId ? t('activities.customerAttendeesHint') : t('activities.pickAccountFirst')}
      >
        <Select<string[]>
          mode="multiple"
          disabled={!accountId}
          loading={contacts.isFetching}
          showSearch={{ optionFilterProp: 'label' }}
          options={withCurrent(
            (contacts.data ?? []).map((c) => ({ value: c.id, label: [c.name, c.title].filter(Boolean).join(' · ') })),
            (activity?.contacts ?? []).map((c) => ({
              value: c.id,
              label: [c.name, c.title].filter(Boolean).join(' · '),
            })),
          )}
          placeholder={t('common.choose')}
          data-testid="activity-contacts"
        />
      </Form.Item>
      <Form.Item
        name="ownerId"
        label={t('field.activity.ownerId')}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <UserSelect allowClear={false} data-testid="activity-owner" />
      </Form.Item>
      <Form.Item name="userIds" label={t('field.activity.userIds')} extra={t('activities.ourAttendeesHint')}>
        <UserSelect mode="multiple" placeholder={t('common.choose')} data-testid="activity-users" />
      </Form.Item>
    </>
  );
}

/** Step 3: the objective and the ordered steps of the call. */
export function GoalSection() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        name="objective"
        label={t('field.activity.objective')}
        extra={t('activities.objectiveHint')}
        rules={[{ max: 2000 }]}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="activity-objective" />
      </Form.Item>
      <Typography.Text strong>{t('field.activity.steps')}</Typography.Text>
      <Form.List name="steps">
        {(fields, { add, remove, move }) => (
          <div data-testid="activity-steps" style={{ marginTop: 8 }}>
            {fields.map((field, i) => (
              <Flex key={field.key} gap={6} align="flex-start">
                <span style={{ width: 22, paddingTop: 5, color: TEXT_SECONDARY, flex: 'none' }}>{i + 1}.</span>
                <Form.Item name={field.name} style={{ flex: 1, minWidth: 0, marginBottom: 8 }} rules={[{ max: 500 }]}>
                  <Input placeholder={t('activities.stepPlaceholder', { n: i + 1 })} data-testid="activity-step" />
                </Form.Item>
                <Button
                  type="text"
                  size="small"
                  disabled={i === 0}
                  onClick={() => move(i, i - 1)}
                  aria-label={t('catalog.moveUp')}
                  style={{ marginTop: 4 }}
                >
                  ↑
                </Button>
                <Button
                  type="text"
                  size="small"
                  danger
                  icon={<DeleteOutlined />}
                  onClick={() => remove(field.name)}
                  aria-label={t('common.remove')}
                  style={{ marginTop: 4 }}
                  data-testid="remove-step"
                />
              </Flex>
            ))}
            <Button
              type="dashed"
              block
              icon={<PlusOutlined />}
              onClick={() => add('')}
              disabled={fields.length >= 30}
              data-testid="add-step"
            >
              {t('activities.addStep')}
            </Button>
          </div>
        )}
      </Form.List>
    </>
  );
}

/** Step 4: what to say and where to eat. */
export function TalkDineSection() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        name="talkingPoints"
        label={t('field.activity.talkingPoints')}
        extra={t('activities.talkingPointsHint')}
        rules={[{ max: 10000 }]}
      >
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} data-testid="activity-talking-points" />
      </Form.Item>
      <Form.Item
        name="diningPlan"
        label={t('field.activity.diningPlan')}
        extra={t('activities.diningHint')}
        rules={[{ max: 2000 }]}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="activity-dining" />
      </Form.Item>
    </>
  );
}
