import { useEffect, useState } from 'react';
import { App, Col, Input, Modal, Radio, Row, Segmented, Select } from 'antd';
import { FINISHED, Form } from '../../../components/Form.tsx';
import { useTranslation } from 'react-i18next';
import { COVERAGE_LEVELS, INFLUENCE_LEVELS } from '../../../../core/enums.ts';
import { BUYING_ROLES, RESPONSE_MODES } from '../../../../core/blue-sheet.ts';
import type { Influence, InfluenceCreate, InfluenceUpdate } from '../../../../core/schemas/deals.ts';
import { EnumSelect } from '../../../components/EnumSelect.tsx';
import { UserSelect } from '../../../components/UserSelect.tsx';
import { formatAttitude } from '../../../components/AttitudeTag.tsx';
import { useApiFeedback } from '../../../components/useApiFeedback.ts';
import { useIsMobile } from '../../../components/useIsMobile.ts';
import { useAccountContacts } from '../../../lib/account-pickers.ts';
import { useCompetitors } from '../../competitors/api.ts';
import { useSaveInfluence } from '../api.ts';

export type InfluenceDialog = { mode: 'create' } | { mode: 'edit'; influence: Influence };

type Values = Omit<InfluenceCreate, 'newContact'> & {
  newContact?: { name?: string; title?: string; department?: string };
};
const RATINGS = [-5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5];
const FIELDS = [
  'roles',
  'influence',
  'mode',
  'rating',
  'coverage',
  'counterpartId',
  'result',
  'personalWin',
  'evidence',
  'prefersUs',
  'preferredCompetitorId',
] as const;

const blank = (v: unknown) =>
  typeof v === 'string' ? (v.trim() === '' ? null : v.trim()) : v === undefined ? null : v;

interface Props {
  dialog: InfluenceDialog | null;
  onClose: () => void;
  dealId: string;
  accountId: string;
  /** Contacts already on the sheet (one influence per contact). */
  takenContactIds: string[];
  onReload: () => void;
}

export function InfluenceFormModal({ dialog, onClose, dealId, accountId, takenContactIds, onReload }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const mobile = useIsMobile();
  const contacts = useAccountContacts(accountId);
  const competitors = useCompetitors();
  const save = useSaveInfluence(dealId);
  const fail = useApiFeedback();
  const { message } = App.useApp();
  const [who, setWho] = useState<'existing' | 'new'>('existing');
  const prefersUs = Form.useWatch('prefersUs', form);

  useEffect(() => {
    if (!dialog) return;
    form.resetFields();
    if (dialog.mode === 'edit') {
      const i = dialog.influence;
      form.setFieldsValue({ ...Object.fromEntries(FIELDS.map((k) => [k, i[k] ?? undefined])), contactId: i.contactId });
    } else {
      form.setFieldsValue({ roles: [], influence: 'medium', coverage: 'none' });
      setWho('existing');
    }
  }, [dialog, form]);

  const available = (contacts.data ?? []).filter((c) => !takenContactIds.includes(c.id));
  useEffect(() => {
    if (dialog?.mode === 'create' && contacts.isSuccess && available.length === 0) setWho('new');
  }, [dialog, contacts.isSuccess, available.length]);

  const submit = async (v: Values) => {
    if (!dialog) return;
    const common: Record<string, unknown> = {};
    for (const k of FIELDS) common[k] = blank(v[k]);
    common.roles = v.roles ?? [];
    if (common.prefersUs !== false) common.preferredCompetitorId = null;
    try {
      if (dialog.mode === 'edit') {
        const i = dialog.influence;
        const body: Record<string, unknown> = { version: i.version };
        for (const k of FIELDS) if (JSON.stringify(common[k]) !== JSON.stringify(i[k] ?? null)) body[k] = common[k];
        if (Object.keys(body).length > 1) await save.mutateAsync({ influenceId: i.id, body: body as InfluenceUpdate });
      } else {
        const body: Record<string, unknown> = { ...common };
        for (const k of Object.keys(body)) if (body[k] === null) delete body[k];
        if (who === 'existing') body.contactId = v.contactId;
        else
          body.newContact = {
            name: (v.newContact?.name ?? '').trim(),
            title: blank(v.newContact?.title),
            department: blank(v.newContact?.department),
          };
        await save.mutateAsync({ body: body as InfluenceCreate });
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

  const half = mobile ? 24 : 12;
  const creating = dialog?.mode === 'create';
  return (
    <Modal
      open={!!dialog}
      title={creating ? t('deals.addInfluence') : t('deals.editInfluence')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'influence-form-submit' } as Record<string, string>}
      width={760}
      destroyOnHidden
    >
      <Form form={form} onFinish={submit} layout="vertical" data-testid="influence-form">
        {creating ? (
          <>
            <Segmented<'existing' | 'new'>
              value={who}
              onChange={setWho}
              options={[
                { value: 'existing', label: t('deals.existingContact') },
                { value: 'new', label: t('deals.newContact') },
              ]}
              style={{ marginBottom: 12 }}
              data-testid="influence-contact-mode"
            />
            {who === 'existing' ? (
              <Form.Item
                name="contactId"
                label={t('field.influence.contactId')}
                rules={[{ required: true, message: t('validation.required') }]}
                extra={available.length === 0 && contacts.isSuccess ? t('deals.noContacts') : undefined}
              >
                <Select<string>
                  showSearch={{ optionFilterProp: 'label' }}
                  loading={contacts.isPending}
                  options={available.map((c) => ({
                    value: c.id,
                    label: [c.name, c.title].filter(Boolean).join(' · '),
                  }))}
                  placeholder={t('common.choose')}
                  data-testid="influence-contact"
                />
              </Form.Item>
            ) : (
              <Row gutter={12}>
                <Col span={mobile ? 24 : 8}>
                  <Form.Item
                    name={['newContact', 'name']}
                    label={t('field.influence.newContactName')}
                    rules={[{ required: true, message: t('validation.required') }, { max: 100 }]}
                  >
                    <Input data-testid="influence-new-name" />
                  </Form.Item>
                </Col>
                <Col span={mobile ? 24 : 8}>
                  <Form.Item name={['newContact', 'title']} label={t('field.influence.title')} rules={[{ max: 100 }]}>
                    <Input data-testid="influence-new-title" />
                  </Form.Item>
                </Col>
                <Col span={mobile ? 24 : 8}>
                  <Form.Item
                    name={['newContact', 'department']}
                    label={t('field.influence.department')}
                    rules={[{ max: 100 }]}
                  >
                    <Input />
                  </Form.Item>
                </Col>
              </Row>
            )}
          </>
        ) : (
          <div style={{ marginBottom: 12, fontWeight: 600 }}>
            {dialog?.mode === 'edit' &&
              [dialog.influence.contactName, dialog.influence.contactTitle].filter(Boolean).join(' · ')}
          </div>
        )}
        <Row gutter={12}>
          <Col span={24}>
            <Form.Item name="roles" label={t('field.influence.roles')}>
              <Select<string[]>
                mode="multiple"
                options={BUYING_ROLES.map((r) => ({ value: r, label: t(`enum.buyingRole.${r}`) }))}
                data-testid="influence-roles"
              />
            </Form.Item>
          </Col>
          <Col span={half}>
            <Form.Item name="influence" label={t('field.influence.influence')}>
              <EnumSelect group="influence" values={INFLUENCE_LEVELS} />
            </Form.Item>
          </Col>
          <Col span={half}>
            <Form.Item name="mode" label={t('field.influence.mode')}>
              <EnumSelect
                group="responseMode"
                values={RESPONSE_MODES}
                allowClear
                placeholder={t('common.unknown')}
                data-testid="influence-mode"
              />
            </Form.Item>
          </Col>
          <Col span={half}>
            <Form.Item name="rating" label={t('field.influence.rating')} tooltip={t('contacts.attitudeHint')}>
              <Select<number>
                allowClear
                placeholder={t('common.unknown')}
                options={RATINGS.map((n) => ({ value: n, label: formatAttitude(n) }))}
                data-testid="influence-rating"
              />
            </Form.Item>
          </Col>
          <Col span={half}>
            <Form.Item name="coverage" label={t('field.influence.coverage')}>
              <EnumSelect group="coverage" values={COVERAGE_LEVELS} data-testid="influence-coverage" />
            </Form.Item>
          </Col>
          <Col span={half}>
            <Form.Item name="counterpartId" label={t('field.influence.counterpartId')}>
              <UserSelect placeholder={t('common.choose')} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="prefersUs" label={t('field.influence.prefersUs')}>
              <Radio.Group
                optionType="button"
                options={[
                  { value: true, label: t('deals.prefersUs') },
                  { value: false, label: t('deals.prefersCompetitor') },
                  { value: null, label: t('deals.prefersUnknown') },
                ]}
              />
            </Form.Item>
          </Col>
          {prefersUs === false && (
            <Col span={half}>
              <Form.Item name="preferredCompetitorId" label={t('field.influence.preferredCompetitorId')}>
                <Select<string>
                  allowClear
                  options={(competitors.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
                  placeholder={t('common.choose')}
                />
              </Form.Item>
            </Col>
          )}
          <Col span={half}>
            <Form.Item name="result" label={t('field.influence.result')} rules={[{ max: 1000 }]}>
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
            </Form.Item>
          </Col>
          <Col span={half}>
            <Form.Item name="personalWin" label={t('field.influence.personalWin')} rules={[{ max: 1000 }]}>
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="evidence" label={t('field.influence.evidence')}>
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} maxLength={10000} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
