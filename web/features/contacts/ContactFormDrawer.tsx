import { useEffect } from 'react';
import { App, Button, Col, DatePicker, Drawer, Input, Row, Select, Space } from 'antd';
import { FINISHED, Form } from '../../components/Form.tsx';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { COVERAGE_LEVELS, INFLUENCE_LEVELS, hasGovIntel } from '../../../core/enums.ts';
import type { Contact } from '../../../core/schemas/contacts.ts';
import { useIsMobile } from '../../components/useIsMobile.ts';
import { useApiFeedback } from '../../components/useApiFeedback.ts';
import { EnumSelect } from '../../components/EnumSelect.tsx';
import { UserSelect } from '../../components/UserSelect.tsx';
import { AccountSelect } from '../../components/AccountSelect.tsx';
import { DuplicateHint, useConfirmDuplicate, useDuplicates } from '../../components/Duplicates.tsx';
import { formatAttitude } from '../../components/AttitudeTag.tsx';
import { useAccountOwnership, useCreateContact, useUpdateContact } from './api.ts';
import { useAccountContacts } from '../../lib/account-pickers.ts';
import {
  GOV_FIELDS,
  toContactCreate,
  toContactFormValues,
  toContactUpdate,
  type ContactFormValues,
} from './formValues.ts';

interface Props {
  open: boolean;
  onClose: () => void;
  contact?: Contact;
  /** Creating from an account page fixes the account. */
  accountId?: string;
  accountName?: string;
  onReload?: () => void;
  /** Stay on the current page after creating (e.g. the account's contacts tab). */
  stayAfterCreate?: boolean;
}

const ATTITUDES = [-5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5];

export function ContactFormDrawer({
  open,
  onClose,
  contact,
  accountId,
  accountName,
  onReload,
  stayAfterCreate,
}: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ContactFormValues>();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const fail = useApiFeedback();
  const create = useCreateContact();
  const update = useUpdateContact(contact?.id ?? '');
  const chosenAccount = Form.useWatch('accountId', form) as string | undefined;
  const peers = useAccountContacts(chosenAccount ?? contact?.accountId ?? accountId);
  const government = hasGovIntel(useAccountOwnership(chosenAccount ?? contact?.accountId ?? accountId).data);

  useEffect(() => {
    if (open) form.setFieldsValue(toContactFormValues(contact, accountId));
  }, [open, contact, accountId, form]);

  // 查重 while typing: a changed mobile or e-mail is checked across the organisation.
  const typedMobile = Form.useWatch('mobile', form);
  const typedEmail = Form.useWatch('email', form);
  const changed = (value: unknown, before: string | null | undefined) =>
    typeof value === 'string' && value.trim() !== (before ?? '') ? value : undefined;
  const matches = useDuplicates(
    'contact',
    {
      mobile: changed(typedMobile, contact?.mobile),
      email: changed(typedEmail, contact?.email),
      excludeId: contact?.id,
    },
    ['mobile', 'email'],
  );
  const confirmDuplicate = useConfirmDuplicate();
  const hint = (field: 'mobile' | 'email') => {
    const found = matches.filter((m) => m.field === field);
    return found.length ? <DuplicateHint kind="contact" matches={found} /> : undefined;
  };

  const submit = async (v: ContactFormValues, allowDuplicate = false): Promise<unknown> => {
    const allow = allowDuplicate ? { allowDuplicate: true } : {};
    try {
      if (contact) {
        const body = toContactUpdate(v, contact);
        if (Object.keys(body).length > 1) await update.mutateAsync({ ...body, ...allow });
        message.success(t('common.saved'));
        onClose();
      } else {
        const created = await create.mutateAsync({ ...toContactCreate(v), ...allow });
        message.success(t('common.created'));
        form.resetFields();
        onClose();
        if (!stayAfterCreate) navigate(`/contacts/${created.id}`);
      }
      return FINISHED;
    } catch (e) {
      if (!allowDuplicate && (await confirmDuplicate(e, 'contact', !contact))) return submit(v, true);
      fail(e, { form, onReload });
    }
  };

  const span = mobile ? 24 : 12;
  const required = [{ required: true, message: t('validation.required') }];
  const reportsToOptions = (peers.data ?? [])
    .filter((p) => p.id !== contact?.id)
    .map((p) => ({ value: p.id, label: p.title ? `${p.name}（${p.title}）` : p.name }));

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={mobile ? '100%' : 680}
      title={contact ? t('contacts.edit') : t('contacts.new')}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={create.isPending || update.isPending}
            onClick={() => form.submit()}
            data-testid="contact-form-submit"
          >
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" onFinish={(v) => submit(v)} scrollToFirstError data-testid="contact-form">
        <Row gutter={16}>
          <Col span={24}>
            <Form.Item name="accountId" label={t('field.contact.accountId')} rules={required}>
              <AccountSelect
                disabled={!!contact || !!accountId}
                currentLabel={contact?.accountName ?? accountName}
                placeholder={t('common.searchToChoose')}
              />
            </Form.Item>
          </Col>
          <Col span={span}>
            <Form.Item name="name" label={t('field.contact.name')} rules={[...required, { max: 100 }]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={span}>
            <Form.Item name="title" label={t('field.contact.title')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={span}>
            <Form.Item name="department" label={t('field.contact.department')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={span}>
            <Form.Item name="reportsToId" label={t('field.contact.reportsToId')} tooltip={t('contacts.reportsToHint')}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                loading={peers.isPending && !!chosenAccount}
                options={reportsToOptions}
                placeholder={t('common.choose')}
                data-testid="reports-to-select"
              />
            </Form.Item>
          </Col>
          <Col span={span}>
            <Form.Item
              name="mobile"
              label={t('field.contact.mobile')}
              extra={hint('mobile')}
              rules={[{ pattern: /^[0-9+()\- ]*$/, message: t('validation.phone') }]}
            >
              <Input inputMode="tel" maxLength={40} />
            </Form.Item>
          </Col>
          <Col span={span}>
            <Form.Item
              name="phone"
              label={t('field.contact.phone')}
              rules={[{ pattern: /^[0-9+()\- ]*$/, message: t('validation.phone') }]}
            >
              <Input inputMode="tel" maxLength={40} />
            </Form.Item>
          </Col>
          <Col span={span}>
            <Form.Item
              name="email"
              label={t('field.contact.email')}
              extra={hint('email')}
              rules={[{ type: 'email', message: t('validation.email') }]}
            >
              <Input inputMode="email" maxLength={200} />
            </Form.Item>
          </Col>
          <Col span={span}>
            <Form.Item name="wechat" label={t('field.contact.wechat')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={span}>
            <Form.Item
              name="birthday"
              label={t('field.contact.birthday')}
              getValueProps={(v: unknown) => ({ value: typeof v === 'string' && v ? dayjs(v) : undefined })}
              normalize={(d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null)}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={span}>
            <Form.Item name="influence" label={t('field.contact.influence')}>
              <EnumSelect group="influence" values={INFLUENCE_LEVELS} allowClear placeholder={t('common.choose')} />
            </Form.Item>
          </Col>
          <Col span={span}>
            <Form.Item name="attitude" label={t('field.contact.attitude')} tooltip={t('contacts.attitudeHint')}>
              <Select<number>
                allowClear
                options={ATTITUDES.map((a) => ({ value: a, label: formatAttitude(a) }))}
                placeholder={t('common.unknown')}
              />
            </Form.Item>
          </Col>
          <Col span={span}>
            <Form.Item name="coverage" label={t('field.contact.coverage')}>
              <EnumSelect group="coverage" values={COVERAGE_LEVELS} />
            </Form.Item>
          </Col>
          <Col span={span}>
            <Form.Item
              name="counterpartId"
              label={t('field.contact.counterpartId')}
              tooltip={t('contacts.counterpartHint')}
            >
              <UserSelect placeholder={t('common.choose')} />
            </Form.Item>
          </Col>
          {government &&
            GOV_FIELDS.map((f) => (
              <Col span={24} key={f}>
                <Form.Item name={f} label={t(`field.contact.${f}`)}>
                  <Input.TextArea autoSize={{ minRows: 1, maxRows: 5 }} maxLength={2000} />
                </Form.Item>
              </Col>
            ))}
          {(['interests', 'goals', 'notes'] as const).map((f) => (
            <Col span={24} key={f}>
              <Form.Item name={f} label={t(`field.contact.${f}`)}>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={f === 'notes' ? 10000 : 2000} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <button type="submit" hidden />
      </Form>
    </Drawer>
  );
}
