import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { attitudeColor, formatAttitude } from '../../components/AttitudeTag.tsx';
import { NODE_H, NODE_W, type OrgChartNode } from './orgLayout.ts';

export type OrgFlowNode = Node<{ contact: OrgChartNode }, 'contact'>;

const INFLUENCE_MARK: Record<string, string> = { high: '●●●', medium: '●●○', low: '●○○' };

export function OrgNode({ data }: NodeProps<OrgFlowNode>) {
  const { t } = useTranslation();
  const c = data.contact;
  const colour = attitudeColor(c.attitude);
  return (
    <div
      data-testid="org-node"
      data-contact-id={c.id}
      title={t('orgChart.openContact')}
      style={{
        width: NODE_W,
        height: NODE_H,
        boxSizing: 'border-box',
        background: '#fff',
        border: `2px solid ${colour}`,
        borderLeftWidth: 8,
        borderRadius: 8,
        padding: '6px 10px',
        cursor: 'pointer',
        fontSize: 12,
        lineHeight: 1.4,
        overflow: 'hidden',
      }}
    >
      <Handle type="target" position={Position.Top} style={{ visibility: 'hidden' }} />
      <div
        style={{ fontWeight: 600, fontSize: 14, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}
      >
        {c.name}
      </div>
      <div style={{ color: '#666', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
        {c.title || c.department || '—'}
      </div>
      <div style={{ display: 'flex', justifyContent: 'space-between', color: '#444' }}>
        <span title={t('field.contact.influence')}>
          {c.influence
            ? `${t(`enum.influence.${c.influence}`)} ${INFLUENCE_MARK[c.influence]}`
            : t('orgChart.influenceUnknown')}
        </span>
        <span style={{ color: colour, fontWeight: 600 }} title={t('field.contact.attitude')}>
          {formatAttitude(c.attitude)}
        </span>
      </div>
      <Handle type="source" position={Position.Bottom} style={{ visibility: 'hidden' }} />
      {/* Relationship links leave and enter at the sides so they do not hide the reporting lines. */}
      <Handle id="side-out" type="source" position={Position.Right} style={{ visibility: 'hidden' }} />
      <Handle id="side-in" type="target" position={Position.Left} style={{ visibility: 'hidden' }} />
    </div>
  );
}
