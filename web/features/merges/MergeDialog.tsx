// 合并, for any kind of record: pick the duplicate (the suggestions first, or the picker), see both
// records side by side with a choice per differing field, merge; the success notice offers the undo.
// The account and contact dialogs give it their queries, picker, fields and words.
import { useState, type ReactNode } from 'react';
import { Alert, App, Button, Empty, Flex, Modal, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Merge } from '../../../core/schemas/merges.ts';
import { useApiFeedback } from '../../components/useApiFeedback.ts';
import { useUndoMerge } from './api.ts';
import { MergeFields, type MergeFieldsProps, type Side } from './MergeFields.tsx';

/** Which duplicate is picked and what is chosen of it; a new pick starts the choices afresh. */
export function useMergePick() {
  const [sourceId, setSourceId] = useState<string | undefined>();
  const [choices, setChoices] = useState<Record<string, Side>>({});
  return {
    sourceId,
    choices,
    pick: (id: string | undefined) => {
      setSourceId(id);
      setChoices({});
    },
    choose: (field: string, side: Side) => setChoices((c) => ({ ...c, [field]: side })),
    /** The request's `fields`: only what comes from the duplicate (the survivor keeps the rest). */
    taken: () => Object.fromEntries(Object.entries(choices).filter(([, v]) => v === 'source')),
  };
}
export type MergePick = ReturnType<typeof useMergePick>;

/** The success notice, which stays 30 s and offers the undo. */
export function useMergeNotice() {
  const { t } = useTranslation();
  const { notification } = App.useApp();
  const undo = useUndoMerge();
  const fail = useApiFeedback();
  return (m: Merge, title: (count: number) => string) => {
    const count = Object.values(m.moved).reduce((a, b) => a + b, 0);
    const key = `merge-${m.id}`;
    notification.success({
      key,
      title: title(count),
      duration: 30,
      actions: (
        <Button
          size="small"
          data-testid="merge-undo"
          onClick={async () => {
            try {
              await undo.mutateAsync(m.id);
              notification.destroy(key);
              notification.info({ title: t('merges.undone') });
            } catch (e) {
              fail(e);
            }
          }}
        >
          {t('merges.undo')}
        </Button>
      ),
    });
  };
}

export interface MergeDialogProps extends Pick<MergeFieldsProps, 'label' | 'value' | 'targetName'> {
  title: string;
  pickLabel: string;
  /** What the merge does, once a duplicate is picked. */
  intro: string;
  suggestions: { id: string; name: string }[];
  /** The control to pick any other record (a search). */
  picker: ReactNode;
  state: MergePick;
  /** The picked duplicate, once read. */
  source: { name: string } | undefined;
  /** The fields whose values differ. */
  fields: readonly string[];
  pending: boolean;
  onMerge: () => void;
  onClose: () => void;
}

export function MergeDialog(p: MergeDialogProps) {
  const { t } = useTranslation();
  const { state } = p;
  return (
    <Modal
      open
      width={860}
      title={p.title}
      okText={t('merges.confirm')}
      okButtonProps={{ disabled: !p.source, danger: true, 'data-testid': 'merge-confirm' }}
      confirmLoading={p.pending}
      onOk={p.onMerge}
      onCancel={p.onClose}
      destroyOnHidden
    >
      <Space orientation="vertical" style={{ width: '100%' }} size="middle">
        <div>
          <Typography.Text strong>{p.pickLabel}</Typography.Text>
          {p.suggestions.length > 0 && (
            <Flex gap={4} wrap style={{ margin: '6px 0' }} data-testid="merge-suggestions">
              <Typography.Text type="secondary">{t('merges.suggested')}:</Typography.Text>
              {p.suggestions.map((m) => (
                <Tag.CheckableTag key={m.id} checked={state.sourceId === m.id} onChange={() => state.pick(m.id)}>
                  {m.name}
                </Tag.CheckableTag>
              ))}
            </Flex>
          )}
          {p.picker}
        </div>
        {p.source && (
          <>
            <Alert type="info" showIcon title={p.intro} />
            {p.fields.length ? (
              <MergeFields
                fields={p.fields}
                label={p.label}
                value={p.value}
                targetName={p.targetName}
                sourceName={p.source.name}
                choices={state.choices}
                onChoose={state.choose}
              />
            ) : (
              <Empty description={t('merges.same')} />
            )}
          </>
        )}
      </Space>
    </Modal>
  );
}
