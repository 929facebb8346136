import { useEffect } from 'react';
import { App, Button, Col, Divider, Drawer, Row, Space } from 'antd';
import { FINISHED, Form } from '../../components/Form.tsx';
import type { Rule } from 'antd/es/form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { AccountDetail } from '../../../core/schemas/accounts.ts';
import { MONEY_INPUT_RE, normaliseMoney } from '../../lib/money.ts';
import { useIsMobile } from '../../components/useIsMobile.ts';
import { useApiFeedback } from '../../components/useApiFeedback.ts';
import { ACCOUNT_GROUPS, type FieldDef } from './fields.ts';
import { hasChanges, toCreateBody, toFormValues, toUpdateBody, type AccountFormValues } from './formValues.ts';
import { useCreateAccount, useUpdateAccount } from './api.ts';
import { AccountFieldInput } from './AccountFieldInput.tsx';
import { DuplicateHint, useConfirmDuplicate, useDuplicates } from '../../components/Duplicates.tsx';

interface Props {
  open: boolean;
  onClose: () => void;
  /** Absent: create a new account. */
  account?: AccountDetail;
  onReload?: () => void;
}

export function AccountFormDrawer({ open, onClose, account, onReload }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<AccountFormValues>();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const fail = useApiFeedback();
  const create = useCreateAccount();
  const update = useUpdateAccount(account?.id ?? '');
  const busy = create.isPending || update.isPending;

  useEffect(() => {
    if (open) form.setFieldsValue(toFormValues(account));
  }, [open, account, form]);

  const rules = (def: FieldDef): Rule[] => {
    const r: Rule[] = [];
    if (def.required) r.push({ required: true, message: t('validation.required') });
    if (def.type.kind === 'money') {
      r.push({
        validator: (_, v: unknown) => {
          const s = normaliseMoney(typeof v === 'string' ? v : null);
          return s === null || MONEY_INPUT_RE.test(s)
            ? Promise.resolve()
            : Promise.reject(new Error(t('validation.money')));
        },
      });
    }
    if (def.name === 'creditCode')
      r.push({ pattern: /^[0-9A-HJ-NPQRTUWXY]{18}$/, message: t('validation.creditCode') });
    return r;
  };

  /** Text typed before the pickers that matched no code: shown under its picker until one is chosen. */
  const typedBefore = (def: FieldDef, a: AccountDetail | undefined) => {
    if (!a) return undefined;
    const text =
      def.type.kind === 'region' && !a.regionCode
        ? [a.province, a.city].filter(Boolean).join(' · ')
        : def.type.kind === 'industry' && !a.industryCode
          ? a.industry
          : null;
    return text ? t('pickers.typedBefore', { text }) : undefined;
  };

  // 查重 while typing: a changed name or credit code is checked (the account itself excluded).
  const typedName = Form.useWatch('name', form);
  const typedCode = Form.useWatch('creditCode', form);
  const changed = (v: unknown, before: string | null | undefined) =>
    typeof v === 'string' && v.trim() !== (before ?? '') ? v : undefined;
  const matches = useDuplicates(
    'account',
    {
      name: changed(typedName, account?.name),
      creditCode: changed(typedCode, account?.creditCode)?.toUpperCase(),
      excludeId: account?.id,
    },
    ['name', 'creditCode'],
  );
  const confirmDuplicate = useConfirmDuplicate();
  const hintFor = (def: FieldDef) =>
    def.name === 'name' || def.name === 'creditCode' ? (
      <DuplicateHint kind="account" matches={matches.filter((m) => m.field === def.name)} />
    ) : null;

  const submit = async (values: AccountFormValues, allowDuplicateName = false): Promise<unknown> => {
    const allow = allowDuplicateName ? { allowDuplicateName: true } : {};
    try {
      if (account) {
        const body = toUpdateBody(values, account);
        if (hasChanges(body)) await update.mutateAsync({ ...body, ...allow });
        message.success(t('common.saved'));
        onClose();
      } else {
        const created = await create.mutateAsync({ ...toCreateBody(values), ...allow });
        message.success(t('common.created'));
        form.resetFields();
        onClose();
        if (created) navigate(`/accounts/${created.id}`);
      }
      return FINISHED;
    } catch (e) {
      // A name match the user confirms is saved again with the flag; a credit code never is.
      if (!allowDuplicateName && (await confirmDuplicate(e, 'account', !account))) return submit(values, true);
      fail(e, { form, onReload });
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={mobile ? '100%' : 760}
      title={account ? t('accounts.edit') : t('accounts.new')}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={busy} onClick={() => form.submit()} data-testid="account-form-submit">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => submit(values)}
        scrollToFirstError
        data-testid="account-form"
      >
        {ACCOUNT_GROUPS.map((g) => (
          <div key={g.key}>
            <Divider titlePlacement="start">{t(`accounts.group.${g.key}`)}</Divider>
            <Row gutter={16}>
              {g.fields.map((def) => (
                <Col key={def.name} span={mobile || def.wide ? 24 : 12}>
                  <Form.Item
                    name={def.name}
                    label={t(`field.account.${def.name}`)}
                    rules={rules(def)}
                    required={def.required}
                    extra={hintFor(def) ?? typedBefore(def, account)}
                  >
                    <AccountFieldInput def={def} accountId={account?.id} parentName={account?.parentName} />
                  </Form.Item>
                </Col>
              ))}
            </Row>
          </div>
        ))}
        {/* Enter in a text box submits, as people expect from a form. */}
        <button type="submit" hidden />
      </Form>
    </Drawer>
  );
}
