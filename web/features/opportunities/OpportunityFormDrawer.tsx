import { useEffect } from 'react';
import { App, Button, Col, DatePicker, Divider, Drawer, Input, Row, Select, Space } from 'antd';
import { FINISHED, Form } from '../../components/Form.tsx';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { OpportunityCreate, OpportunityDetail, OpportunityUpdate } from '../../../core/schemas/deals.ts';
import { MONEY_INPUT_RE, normaliseMoney } from '../../lib/money.ts';
import { useIsMobile } from '../../components/useIsMobile.ts';
import { useApiFeedback } from '../../components/useApiFeedback.ts';
import { AccountSelect } from '../../components/AccountSelect.tsx';
import { DuplicateHint, useConfirmDuplicate, useDuplicates } from '../../components/Duplicates.tsx';
import { UserSelect } from '../../components/UserSelect.tsx';
import { useMe } from '../../lib/session.ts';
import { useStages } from '../stages/api.ts';
import { stageLabel } from '../stages/stageName.ts';
import { useCreateOpportunity, useUpdateOpportunity } from './api.ts';
import { LineItemsEditor } from './LineItemsEditor.tsx';
import { ListPick } from './ListPick.tsx';
import { useDealLists } from './dealListsApi.ts';
import { toLineItemBodies, toLineItemValues, type LineItemValues } from './lineItems.ts';
import { MoneyInput } from '../../components/MoneyInput.tsx';

interface Values {
  accountId?: string;
  name?: string;
  amount?: string;
  expectedCloseDate?: Dayjs | null;
  stageId?: string;
  ownerId?: string | null;
  source?: string;
  items?: LineItemValues[];
}

interface Props {
  open: boolean;
  onClose: () => void;
  /** Absent: create. */
  deal?: OpportunityDetail;
  /** Creating from an account page fixes the account. */
  accountId?: string;
  accountName?: string;
  onReload?: () => void;
  stayAfterCreate?: boolean;
}

const text = (s: string | undefined | null): string | null => (s && s.trim() ? s.trim() : null);

export function OpportunityFormDrawer({
  open,
  onClose,
  deal,
  accountId,
  accountName,
  onReload,
  stayAfterCreate,
}: Props) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const me = useMe();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const fail = useApiFeedback();
  const lists = useDealLists();
  const stages = useStages();
  const create = useCreateOpportunity();
  const update = useUpdateOpportunity();
  const openStages = (stages.data ?? []).filter((s) => s.kind === 'open');

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (deal) {
      form.setFieldsValue({
        name: deal.name,
        amount: deal.amount,
        expectedCloseDate: deal.expectedCloseDate ? dayjs(deal.expectedCloseDate) : null,
        ownerId: deal.ownerId,
        source: deal.source ?? undefined,
        items: toLineItemValues(deal.items),
      });
    } else {
      form.setFieldsValue({ accountId, ownerId: me.id, items: [] });
    }
  }, [open, deal, accountId, me.id, form]);

  useEffect(() => {
    if (open && !deal && !form.getFieldValue('stageId') && openStages[0])
      form.setFieldValue('stageId', openStages[0].id);
  }, [open, deal, openStages, form]);

  // 撞单 while typing: an open deal of the same account with this name (the deal itself excluded).
  const typedName = Form.useWatch('name', form);
  const typedAccount = Form.useWatch('accountId', form);
  const dealAccount = deal?.accountId ?? typedAccount ?? accountId;
  const matches = useDuplicates(
    'deal',
    {
      accountId: dealAccount,
      name: typeof typedName === 'string' && typedName.trim() !== deal?.name ? typedName : undefined,
      excludeId: deal?.id,
    },
    dealAccount ? ['name'] : [],
  );
  const confirmDuplicate = useConfirmDuplicate();

  const submit = async (v: Values, allowDuplicate = false): Promise<unknown> => {
    const allow = allowDuplicate ? { allowDuplicate: true } : {};
    const amount = normaliseMoney(v.amount);
    const close = v.expectedCloseDate ? v.expectedCloseDate.format('YYYY-MM-DD') : null;
    const items = toLineItemBodies(v.items);
    try {
      if (deal) {
        const body: OpportunityUpdate = { version: deal.version };
        if ((v.name ?? '').trim() !== deal.name) body.name = (v.name ?? '').trim();
        if (amount !== null && amount !== deal.amount) body.amount = amount;
        if (close !== deal.expectedCloseDate) body.expectedCloseDate = close;
        if ((v.ownerId ?? null) !== deal.ownerId) body.ownerId = v.ownerId ?? null;
        if (text(v.source) !== deal.source) body.source = text(v.source);
        const before = JSON.stringify(toLineItemBodies(toLineItemValues(deal.items)));
        if (JSON.stringify(items) !== before) body.items = items;
        if (Object.keys(body).length > 1) await update.mutateAsync({ id: deal.id, body: { ...body, ...allow } });
        message.success(t('common.saved'));
        onClose();
      } else {
        const body: OpportunityCreate = {
          accountId: v.accountId ?? '',
          name: (v.name ?? '').trim(),
          expectedCloseDate: close,
          stageId: v.stageId,
          source: text(v.source),
        };
        // The server makes the creator the owner by default; only send an explicit other owner.
        if ((v.ownerId ?? null) !== me.id) body.ownerId = v.ownerId ?? null;
        if (amount !== null) body.amount = amount;
        if (items.length) body.items = items;
        const created = await create.mutateAsync({ ...body, ...allow });
        message.success(t('common.created'));
        onClose();
        if (!stayAfterCreate) navigate(`/opportunities/${created.id}`);
      }
      return FINISHED;
    } catch (e) {
      if (!allowDuplicate && (await confirmDuplicate(e, 'deal', !deal))) return submit(v, true);
      fail(e, { form, onReload });
    }
  };

  const half = mobile ? 24 : 12;
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={mobile ? '100%' : 820}
      title={deal ? t('deals.edit') : t('deals.new')}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={create.isPending || update.isPending}
            onClick={() => form.submit()}
            data-testid="opportunity-form-submit"
          >
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" onFinish={(v) => submit(v)} scrollToFirstError data-testid="opportunity-form">
        <Row gutter={16}>
          {!deal && (
            <Col span={24}>
              <Form.Item
                name="accountId"
                label={t('field.opportunity.accountId')}
                rules={[{ required: true, message: t('validation.required') }]}
              >
                <AccountSelect
                  currentLabel={accountName}
                  disabled={!!accountId}
                  placeholder={t('common.searchToChoose')}
                  data-testid="opportunity-account"
                />
              </Form.Item>
            </Col>
          )}
          <Col span={24}>
            <Form.Item
              name="name"
              label={t('field.opportunity.name')}
              rules={[{ required: true, message: t('validation.required') }, { max: 200 }]}
              extra={matches.length ? <DuplicateHint kind="deal" matches={matches} /> : undefined}
            >
              <Input data-testid="opportunity-name" />
            </Form.Item>
          </Col>
          <Col span={half}>
            <Form.Item
              name="amount"
              label={t('field.opportunity.amount')}
              rules={[
                {
                  validator: (_, x: unknown) => {
                    const s = normaliseMoney(typeof x === 'string' ? x : null);
                    return s === null || MONEY_INPUT_RE.test(s)
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('validation.money')));
                  },
                },
              ]}
            >
              <MoneyInput data-testid="opportunity-amount" />
            </Form.Item>
          </Col>
          <Col span={half}>
            <Form.Item name="expectedCloseDate" label={t('field.opportunity.expectedCloseDate')}>
              <DatePicker style={{ width: '100%' }} data-testid="opportunity-close-date" />
            </Form.Item>
          </Col>
          {!deal && (
            <Col span={half}>
              <Form.Item name="stageId" label={t('field.opportunity.stageId')}>
                <Select<string>
                  options={openStages.map((s) => ({
                    value: s.id,
                    label: `${stageLabel(s, i18n.language)} · ${s.probability}%`,
                  }))}
                  data-testid="opportunity-stage"
                />
              </Form.Item>
            </Col>
          )}
          <Col span={half}>
            <Form.Item name="ownerId" label={t('field.opportunity.ownerId')}>
              <UserSelect placeholder={t('common.choose')} />
            </Form.Item>
          </Col>
          <Col span={half}>
            <Form.Item name="source" label={t('field.opportunity.source')} rules={[{ max: 100 }]}>
              <ListPick items={lists.data?.dealSources ?? []} data-testid="deal-source" />
            </Form.Item>
          </Col>
        </Row>
        <Divider titlePlacement="start">{t('field.opportunity.items')}</Divider>
        <LineItemsEditor form={form} onUseTotal={(total) => form.setFieldValue('amount', total)} />
        <button type="submit" hidden />
      </Form>
    </Drawer>
  );
}
