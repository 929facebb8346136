import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { BankOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { MapNode } from '../../../core/schemas/relationship-map.ts';
import { attitudeColor, formatAttitude } from '../../components/AttitudeTag.tsx';
import { TEXT_SECONDARY } from '../../components/a11y.ts';

export type MapFlowNode = Node<{ person: MapNode; connectable: boolean }, 'person'>;

/** Influence is the node's size: the people who move decisions are the ones the eye should find first. */
export const NODE_SIZE: Record<'high' | 'medium' | 'low' | 'unknown', { w: number; h: number }> = {
  high: { w: 204, h: 96 },
  medium: { w: 184, h: 86 },
  low: { w: 164, h: 78 },
  unknown: { w: 164, h: 78 },
};

const ROLE_COLOUR: Record<string, string> = {
  economic: '#cf1322',
  technical: '#1677ff',
  user: '#531dab',
  coach: '#389e0d',
};
const handle = (visible: boolean) => ({
  width: 12,
  height: 12,
  background: '#1677ff',
  border: '2px solid #fff',
  visibility: visible ? ('visible' as const) : ('hidden' as const),
});

export function MapNodeCard({ data }: NodeProps<MapFlowNode>) {
  const { t } = useTranslation();
  const p = data.person;
  const size = NODE_SIZE[p.influence ?? 'unknown'];
  const colour = attitudeColor(p.attitude);
  // Government intelligence rides on the node as a tooltip; the side panel shows and edits it in full.
  const intel = p.gov
    ? (['position', 'supplierSelection', 'achievements', 'costAwareness'] as const)
        .filter((k) => p.gov?.[k])
        .map((k) => `${t(`relmap.gov.${k}`)}：${p.gov?.[k]}`)
    : [];
  return (
    <div
      data-testid="map-node"
      data-contact-id={p.contactId}
      data-attitude={p.attitude ?? ''}
      style={{
        position: 'relative',
        width: size.w,
        height: size.h,
        boxSizing: 'border-box',
        background: '#fff',
        border: `${p.keyPlayer ? 3 : 2}px solid ${colour}`,
        borderLeftWidth: 10,
        borderRadius: 8,
        padding: '4px 8px',
        cursor: 'pointer',
        fontSize: 12,
        lineHeight: 1.4,
        boxShadow: p.decisionMaker ? `0 0 0 3px ${colour}33` : undefined,
      }}
    >
      <Handle type="target" position={Position.Top} id="top" style={handle(false)} isConnectable={false} />
      <div style={{ display: 'flex', gap: 4, alignItems: 'baseline', overflow: 'hidden' }}>
        <span
          style={{
            fontWeight: 600,
            fontSize: p.influence === 'high' ? 15 : 14,
            whiteSpace: 'nowrap',
            overflow: 'hidden',
            textOverflow: 'ellipsis',
            flex: 1,
          }}
        >
          {p.name}
        </span>
        <span style={{ color: colour, fontWeight: 700 }} title={t('relmap.attitude')} data-testid="map-node-attitude">
          {formatAttitude(p.attitude)}
        </span>
      </div>
      <div style={{ color: '#666', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
        {p.title || p.department || '—'}
      </div>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 2, marginTop: 2 }}>
        {p.roles.map((r) => (
          <span
            key={r}
            data-testid="map-node-role"
            style={{
              fontSize: 11,
              lineHeight: '16px',
              padding: '0 4px',
              borderRadius: 4,
              color: '#fff',
              background: ROLE_COLOUR[r],
            }}
          >
            {t(`enum.buyingRole.${r}`)}
          </span>
        ))}
        {p.influence && (
          <span style={{ fontSize: 11, color: TEXT_SECONDARY }}>{t(`enum.influence.${p.influence}`)}</span>
        )}
        {intel.length > 0 && (
          <span title={intel.join('\n')} data-testid="map-node-gov" style={{ fontSize: 11, color: TEXT_SECONDARY }}>
            <BankOutlined /> {t('relmap.gov.short')}
          </span>
        )}
      </div>
      {p.counterpart && (
        <div
          title={t('relmap.counterpart')}
          style={{
            position: 'absolute',
            top: '100%',
            left: 8,
            marginTop: 4,
            fontSize: 11,
            color: '#0958d9',
            background: '#e6f4ff',
            border: '1px solid #91caff',
            borderRadius: 10,
            padding: '0 6px',
            whiteSpace: 'nowrap',
          }}
        >
          <UserOutlined /> {p.counterpart.name}
        </div>
      )}
      <Handle type="source" position={Position.Bottom} id="bottom" style={handle(false)} isConnectable={false} />
      {/* Relationship links are drawn from the right-hand dot to another person's left-hand dot. */}
      <Handle
        type="source"
        position={Position.Right}
        id="out"
        style={handle(data.connectable)}
        isConnectable={data.connectable}
        data-testid="map-handle-out"
      />
      <Handle
        type="target"
        position={Position.Left}
        id="in"
        style={handle(data.connectable)}
        isConnectable={data.connectable}
        data-testid="map-handle-in"
      />
    </div>
  );
}
