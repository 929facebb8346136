import { useState } from 'react';
import { App, Modal, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LINK_KINDS } from '../../../core/enums.ts';
import type { MapEdgeKind, MapNode } from '../../../core/schemas/relationship-map.ts';
import { useApiFeedback } from '../../components/useApiFeedback.ts';
import { useAddLink, usePatchContact } from './api.ts';

/**
 * Asked after a line is drawn from one person to another: which relationship it is. A relationship
 * link is saved as "to is from's <kind>" (the archive's reading); "reports to" sets from's reporting line.
 */
export function LinkKindModal({ from, to, onClose }: { from: MapNode; to: MapNode; onClose: () => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<MapEdgeKind | undefined>();
  const addLink = useAddLink();
  const patchContact = usePatchContact();
  const fail = useApiFeedback();
  const { message } = App.useApp();

  const save = async () => {
    if (!kind) return;
    try {
      if (kind === 'reports_to')
        await patchContact.mutateAsync({
          id: from.contactId,
          body: { version: from.version, reportsToId: to.contactId },
        });
      else await addLink.mutateAsync({ fromContactId: from.contactId, toContactId: to.contactId, kind });
      message.success(t('common.saved'));
      onClose();
    } catch (e) {
      fail(e);
    }
  };

  const options = [
    ...LINK_KINDS.map((k) => ({ value: k as MapEdgeKind, label: t(`enum.linkKind.${k}`) })),
    { value: 'reports_to' as const, label: t('relmap.reportsTo', { from: from.name, to: to.name }) },
  ];

  return (
    <Modal
      open
      title={t('relmap.newLink')}
      onCancel={onClose}
      onOk={() => void save()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{
        disabled: !kind,
        loading: addLink.isPending || patchContact.isPending,
        'data-testid': 'map-link-save',
      }}
      width={380}
      destroyOnHidden
    >
      <Typography.Paragraph>{t('relmap.linkSentence', { from: from.name, to: to.name })}</Typography.Paragraph>
      <Select<MapEdgeKind>
        value={kind}
        onChange={setKind}
        options={options}
        placeholder={t('relmap.kind')}
        style={{ width: '100%' }}
        data-testid="map-link-kind"
        aria-label={t('relmap.kind')}
      />
    </Modal>
  );
}
