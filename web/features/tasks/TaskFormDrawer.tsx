import { useEffect } from 'react';
import { App, Button, DatePicker, Drawer, Input, Popconfirm, Select, Space } from 'antd';
import { FINISHED, Form } from '../../components/Form.tsx';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Task, TaskCreate, TaskUpdate } from '../../../core/schemas/tasks.ts';
import { AccountSelect } from '../../components/AccountSelect.tsx';
import { useIsMobile } from '../../components/useIsMobile.ts';
import { useApiFeedback } from '../../components/useApiFeedback.ts';
import { withCurrent } from '../../lib/options.ts';
import { canWrite, useMe } from '../../lib/session.ts';
import { useAccountContacts, useAccountDeals } from '../../lib/account-pickers.ts';
import { useCreateTask, useDeleteTask, useUpdateTask } from './api.ts';
import { AssigneeSelect } from './AssigneeSelect.tsx';

interface Values {
  title?: string;
  dueDate?: Dayjs | null;
  assigneeId?: string;
  accountId?: string | null;
  opportunityId?: string | null;
  contactId?: string | null;
  notes?: string | null;
}

/** A task started from an account, deal or contact page carries that page's record. */
export interface TaskPrefill {
  accountId?: string;
  accountName?: string;
  opportunityId?: string;
  contactId?: string;
}

interface Props {
  open: boolean;
  onClose: () => void;
  task?: Task;
  prefill?: TaskPrefill;
  onReload?: () => void;
}

const text = (s: string | null | undefined): string | null => (s && s.trim() ? s.trim() : null);

export function TaskFormDrawer({ open, onClose, task, prefill, onReload }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const me = useMe();
  const mobile = useIsMobile();
  const { message } = App.useApp();
  const fail = useApiFeedback();
  const create = useCreateTask();
  const update = useUpdateTask();
  const del = useDeleteTask();
  const accountId = Form.useWatch('accountId', form) ?? undefined;
  const deals = useAccountDeals(accountId);
  const contacts = useAccountContacts(accountId);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (task) {
      form.setFieldsValue({ ...task, dueDate: dayjs(task.dueDate) });
    } else {
      form.setFieldsValue({
        dueDate: dayjs(),
        assigneeId: me.id,
        accountId: prefill?.accountId,
        opportunityId: prefill?.opportunityId,
        contactId: prefill?.contactId,
      });
    }
    // prefill is rebuilt on every render of the opener; it is read only when the drawer opens.
  }, [open, task, me.id, form]);

  const submit = async (v: Values) => {
    const fields = {
      title: (v.title ?? '').trim(),
      dueDate: (v.dueDate ?? dayjs()).format('YYYY-MM-DD'),
      accountId: v.accountId ?? null,
      opportunityId: v.opportunityId ?? null,
      contactId: v.contactId ?? null,
      notes: text(v.notes),
    };
    try {
      if (task) {
        const body: TaskUpdate = { ...fields, version: task.version };
        if (v.assigneeId && v.assigneeId !== task.assigneeId) body.assigneeId = v.assigneeId;
        await update.mutateAsync({ id: task.id, body });
        message.success(t('common.saved'));
      } else {
        const body: TaskCreate = { ...fields };
        if (v.assigneeId) body.assigneeId = v.assigneeId;
        await create.mutateAsync(body);
        message.success(t('common.created'));
      }
      onClose();
      return FINISHED;
    } catch (e) {
      fail(e, { form, onReload });
    }
  };
  const remove = async () => {
    if (!task) return;
    try {
      await del.mutateAsync(task.id);
      message.success(t('common.deleted'));
      onClose();
    } catch (e) {
      fail(e);
    }
  };

  const required = { required: true, message: t('validation.required') };
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={mobile ? '100%' : 560}
      title={task ? t('tasks.edit') : t('tasks.new')}
      destroyOnHidden
      extra={
        <Space>
          {task && canWrite(me) && (
            <Popconfirm
              title={t('tasks.deleteConfirm')}
              onConfirm={() => void remove()}
              okText={t('common.delete')}
              okButtonProps={{ danger: true }}
              cancelText={t('common.cancel')}
            >
              <Button danger loading={del.isPending} data-testid="delete-task">
                {t('common.delete')}
              </Button>
            </Popconfirm>
          )}
          {canWrite(me) && (
            <Button
              type="primary"
              loading={create.isPending || update.isPending}
              onClick={() => form.submit()}
              data-testid="task-form-submit"
            >
              {t('common.save')}
            </Button>
          )}
        </Space>
      }
    >
      <Form form={form} layout="vertical" onFinish={submit} scrollToFirstError data-testid="task-form">
        <Form.Item name="title" label={t('field.task.title')} rules={[required, { max: 200 }]}>
          <Input data-testid="task-title" />
        </Form.Item>
        <Form.Item name="dueDate" label={t('field.task.dueDate')} rules={[required]}>
          <DatePicker style={{ width: '100%' }} data-testid="task-due" />
        </Form.Item>
        <Form.Item name="assigneeId" label={t('field.task.assigneeId')}>
          <AssigneeSelect
            accountId={accountId}
            current={task ? { value: task.assigneeId, label: task.assigneeName } : null}
            data-testid="task-assignee"
          />
        </Form.Item>
        <Form.Item name="accountId" label={t('field.task.accountId')}>
          <AccountSelect
            currentLabel={task?.accountName ?? prefill?.accountName}
            disabled={!!prefill?.accountId}
            placeholder={t('common.searchToChoose')}
            onChange={() => form.setFieldsValue({ opportunityId: null, contactId: null })}
            data-testid="task-account"
          />
        </Form.Item>
        <Form.Item name="opportunityId" label={t('field.task.opportunityId')}>
          <Select<string>
            allowClear
            disabled={!accountId}
            options={withCurrent(
              (deals.data ?? []).map((d) => ({ value: d.id, label: d.name })),
              [task?.opportunityId ? { value: task.opportunityId, label: task.opportunityName ?? '' } : null],
            )}
            placeholder={accountId ? t('common.choose') : t('activities.pickAccountFirst')}
            data-testid="task-deal"
          />
        </Form.Item>
        <Form.Item name="contactId" label={t('field.task.contactId')}>
          <Select<string>
            allowClear
            disabled={!accountId}
            showSearch={{ optionFilterProp: 'label' }}
            options={withCurrent(
              (contacts.data ?? []).map((c) => ({ value: c.id, label: [c.name, c.title].filter(Boolean).join(' · ') })),
              [task?.contactId ? { value: task.contactId, label: task.contactName ?? '' } : null],
            )}
            placeholder={accountId ? t('common.choose') : t('activities.pickAccountFirst')}
            data-testid="task-contact"
          />
        </Form.Item>
        <Form.Item name="notes" label={t('field.task.notes')} rules={[{ max: 2000 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="task-notes" />
        </Form.Item>
        <button type="submit" hidden />
      </Form>
    </Drawer>
  );
}
