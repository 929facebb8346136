import { useState, type PointerEvent } from 'react';
import { App, Empty, Select, Spin, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { GRID_QUADRANTS, type GridQuadrant } from '../../../core/enums.ts';
import { valuesForQuadrant } from '../../../core/relationship-map.ts';
import type { Stakeholder } from '../../../core/schemas/relationship-map.ts';
import type { ContactUpdate } from '../../../core/schemas/contacts.ts';
import { useIsMobile } from '../../components/useIsMobile.ts';
import { useApiFeedback } from '../../components/useApiFeedback.ts';
import { attitudeColor } from '../../components/AttitudeTag.tsx';
import { usePatchContact, useStakeholders } from './api.ts';
import { TEXT_SECONDARY } from '../../components/a11y.ts';

/** Power runs up, interest across: high power on the top row, high interest on the right. */
const LAYOUT: GridQuadrant[] = ['keep_satisfied', 'manage_closely', 'monitor', 'keep_informed'];
const TINT: Record<GridQuadrant, string> = {
  manage_closely: '#fff1f0',
  keep_satisfied: '#fff7e6',
  keep_informed: '#e6f4ff',
  monitor: '#fafafa',
};

type Drag = { id: string; startX: number; startY: number; dx: number; dy: number; over: GridQuadrant | null };

const quadrantAt = (x: number, y: number): GridQuadrant | null => {
  const zone = document.elementsFromPoint(x, y).find((el) => el instanceof HTMLElement && el.dataset.quadrant) as
    | HTMLElement
    | undefined;
  return (zone?.dataset.quadrant as GridQuadrant | undefined) ?? null;
};

/** 利益相关者分析: power × interest, dragged (pointer events, so mouse, pen and touch alike) between quadrants. */
export function StakeholderGrid({ accountId, writable }: { accountId: string; writable: boolean }) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const list = useStakeholders(accountId);
  const patch = usePatchContact();
  const fail = useApiFeedback();
  const { message } = App.useApp();
  const [drag, setDrag] = useState<Drag | null>(null);

  if (list.isPending) return <Spin />;
  if (list.isError) return <Typography.Text type="danger">{list.error.message}</Typography.Text>;
  const items = list.data.items;
  if (!items.length) return <Empty description={t('relmap.empty')} />;

  const move = async (s: Stakeholder, target: GridQuadrant) => {
    if (target === s.quadrant) return;
    const v = valuesForQuadrant(s, target);
    // Only the axis that crosses the line is stored; the other keeps following its derivation.
    const body: ContactUpdate = { version: s.version };
    if (v.power !== s.power) body.power = v.power;
    if (v.interest !== s.interest) body.interest = v.interest;
    try {
      await patch.mutateAsync({ id: s.contactId, body });
      message.success(t('common.saved'));
    } catch (e) {
      fail(e, { onReload: () => void list.refetch() });
    }
  };

  const pointer = (s: Stakeholder) =>
    writable && !mobile
      ? {
          onPointerDown: (e: PointerEvent<HTMLDivElement>) => {
            e.currentTarget.setPointerCapture(e.pointerId);
            setDrag({ id: s.contactId, startX: e.clientX, startY: e.clientY, dx: 0, dy: 0, over: null });
          },
          onPointerMove: (e: PointerEvent<HTMLDivElement>) => {
            if (drag?.id !== s.contactId) return;
            setDrag({
              ...drag,
              dx: e.clientX - drag.startX,
              dy: e.clientY - drag.startY,
              over: quadrantAt(e.clientX, e.clientY),
            });
          },
          onPointerUp: (e: PointerEvent<HTMLDivElement>) => {
            if (drag?.id !== s.contactId) return;
            setDrag(null);
            const target = quadrantAt(e.clientX, e.clientY);
            if (target) void move(s, target);
          },
          onPointerCancel: () => setDrag(null),
        }
      : {};

  const chip = (s: Stakeholder) => {
    const dragging = drag?.id === s.contactId;
    return (
      <div
        key={s.contactId}
        data-testid="stakeholder-chip"
        data-contact-id={s.contactId}
        data-quadrant-of={s.quadrant}
        {...pointer(s)}
        style={{
          display: 'inline-flex',
          flexDirection: 'column',
          gap: 2,
          margin: 4,
          padding: '4px 8px',
          background: '#fff',
          border: `1px solid ${attitudeColor(s.attitude)}`,
          borderLeftWidth: 6,
          borderRadius: 6,
          cursor: writable && !mobile ? 'grab' : 'default',
          touchAction: 'none',
          userSelect: 'none',
          position: 'relative',
          zIndex: dragging ? 10 : undefined,
          transform: dragging ? `translate(${drag.dx}px, ${drag.dy}px)` : undefined,
          boxShadow: dragging ? '0 4px 12px rgba(0,0,0,.2)' : undefined,
        }}
      >
        <span style={{ fontWeight: 600 }}>{s.name}</span>
        <span style={{ fontSize: 11, color: '#666' }}>
          <Tooltip title={s.powerDerived ? t('relmap.derived') : t('relmap.placed')}>
            <span style={{ fontStyle: s.powerDerived ? 'italic' : 'normal' }}>
              {t('relmap.power')} {s.power}
            </span>
          </Tooltip>
          {' · '}
          <Tooltip title={s.interestDerived ? t('relmap.derived') : t('relmap.placed')}>
            <span style={{ fontStyle: s.interestDerived ? 'italic' : 'normal' }}>
              {t('relmap.interest')} {s.interest}
            </span>
          </Tooltip>
        </span>
        {mobile && writable && (
          <Select<GridQuadrant>
            size="small"
            value={s.quadrant}
            onChange={(q) => void move(s, q)}
            options={GRID_QUADRANTS.map((q) => ({ value: q, label: t(`relmap.quadrant.${q}`) }))}
            aria-label={t('relmap.moveTo')}
            data-testid="stakeholder-quadrant-select"
          />
        )}
      </div>
    );
  };

  return (
    <div data-testid="stakeholder-grid">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {mobile ? t('relmap.gridHintMobile') : t('relmap.gridHint')}
      </Typography.Paragraph>
      <div style={{ display: 'grid', gridTemplateColumns: mobile ? '1fr' : '1fr 1fr', gap: 8 }}>
        {(mobile ? GRID_QUADRANTS : LAYOUT).map((q) => (
          <div
            key={q}
            data-quadrant={q}
            data-testid={`quadrant-${q}`}
            style={{
              minHeight: mobile ? 0 : 180,
              padding: 8,
              borderRadius: 8,
              background: TINT[q],
              outline: drag?.over === q ? '2px dashed #1677ff' : '1px solid #f0f0f0',
            }}
          >
            <Typography.Text strong>{t(`relmap.quadrant.${q}`)}</Typography.Text>
            <div>{items.filter((s) => s.quadrant === q).map(chip)}</div>
          </div>
        ))}
      </div>
      {!mobile && (
        <div
          style={{
            display: 'flex',
            justifyContent: 'space-between',
            fontSize: 12,
            color: TEXT_SECONDARY,
            marginTop: 4,
          }}
        >
          <span>↑ {t('relmap.power')}</span>
          <span>{t('relmap.interest')} →</span>
        </div>
      )}
    </div>
  );
}
