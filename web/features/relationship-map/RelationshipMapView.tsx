import { useMemo, useState } from 'react';
import { Alert, App, Empty, Flex, Spin, Tag, Typography } from 'antd';
import { Background, Controls, MarkerType, ReactFlow, type Connection, type Edge } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useTranslation } from 'react-i18next';
import type { MapEdge, MapNode, RelationshipMap } from '../../../core/schemas/relationship-map.ts';
import { useIsMobile } from '../../components/useIsMobile.ts';
import { useApiFeedback } from '../../components/useApiFeedback.ts';
import { attitudeColor } from '../../components/AttitudeTag.tsx';
import { layoutTree, NODE_W } from '../contacts/orgLayout.ts';
import { MapNodeCard, NODE_SIZE, type MapFlowNode } from './MapNodeCard.tsx';
import { LinkKindModal } from './LinkKindModal.tsx';
import { NodePanel } from './NodePanel.tsx';
import { usePatchContact, useRelationshipMap, useRemoveLink, type MapSource } from './api.ts';

const nodeTypes = { person: MapNodeCard };
const ALERT: Record<RelationshipMap['status'], 'error' | 'warning' | 'success'> = {
  red: 'error',
  amber: 'warning',
  green: 'success',
};
const LINK_COLOUR = '#1677ff';
/** Room between people for relationship lines' labels, and below each for the counterpart beside them. */
const MAP_GAPS = { h: 80, v: 88 };

function toFlowEdge(e: MapEdge, label: string): Edge {
  if (e.kind === 'reports_to') {
    return {
      id: e.id,
      source: e.source,
      target: e.target,
      sourceHandle: 'bottom',
      targetHandle: 'top',
      type: 'smoothstep',
      style: { stroke: '#595959', strokeWidth: 1.5 },
    };
  }
  return {
    id: e.id,
    source: e.source,
    target: e.target,
    sourceHandle: 'out',
    targetHandle: 'in',
    label,
    style: { stroke: LINK_COLOUR, strokeDasharray: '6 4', strokeWidth: 1.5 },
    labelStyle: { fill: LINK_COLOUR, fontSize: 11 },
    labelBgStyle: { fill: '#fff' },
    markerEnd: { type: MarkerType.ArrowClosed, color: LINK_COLOUR },
  };
}

/** 关系图: contacts sized by influence and coloured by attitude, with roles, counterparts and the map's status. */
export function RelationshipMapView({ source, writable }: { source: MapSource; writable: boolean }) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const map = useRelationshipMap(source);
  const [connecting, setConnecting] = useState<{ from: MapNode; to: MapNode } | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const removeLink = useRemoveLink();
  const patchContact = usePatchContact();
  const fail = useApiFeedback();
  const { modal, message } = App.useApp();

  const byId = useMemo(() => new Map((map.data?.nodes ?? []).map((n) => [n.contactId, n])), [map.data]);
  const { nodes, edges } = useMemo(() => {
    if (!map.data) return { nodes: [] as MapFlowNode[], edges: [] as Edge[] };
    const placed = layoutTree(
      map.data.nodes.map((n) => ({ ...n, id: n.contactId })),
      MAP_GAPS,
    );
    const nodes: MapFlowNode[] = placed.map(({ node, x, y }) => ({
      id: node.contactId,
      type: 'person',
      // Every slot is NODE_W wide; a node smaller or larger than that stays centred in it.
      position: { x: x + (NODE_W - NODE_SIZE[node.influence ?? 'unknown'].w) / 2, y },
      data: { person: node, connectable: writable },
      draggable: false,
    }));
    const edges = map.data.edges.map((e) => toFlowEdge(e, e.kind === 'reports_to' ? '' : t(`enum.linkKind.${e.kind}`)));
    return { nodes, edges };
  }, [map.data, writable, t]);

  if (map.isPending) return <Spin />;
  if (map.isError) return <Typography.Text type="danger">{map.error.message}</Typography.Text>;
  const data = map.data;
  const selected = selectedId ? byId.get(selectedId) : undefined;

  const onConnect = (c: Connection) => {
    const from = byId.get(c.source);
    const to = byId.get(c.target);
    if (from && to && from.contactId !== to.contactId) setConnecting({ from, to });
  };

  const onEdgeClick = (edge: MapEdge) => {
    if (!writable) return;
    const from = byId.get(edge.source);
    const to = byId.get(edge.target);
    if (!from || !to) return;
    const isReport = edge.kind === 'reports_to';
    modal.confirm({
      title: isReport
        ? t('relmap.removeReportsTo', { name: to.name })
        : t('relmap.removeLink', { from: from.name, to: to.name, kind: t(`enum.linkKind.${edge.kind}`) }),
      okText: t('common.remove'),
      okType: 'danger',
      okButtonProps: { 'data-testid': 'map-edge-remove' } as Record<string, string>,
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          if (isReport)
            await patchContact.mutateAsync({ id: to.contactId, body: { version: to.version, reportsToId: null } });
          else if (edge.linkId) await removeLink.mutateAsync(edge.linkId);
          message.success(t('common.deleted'));
        } catch (e) {
          fail(e, { onReload: () => void map.refetch() });
        }
      },
    });
  };

  return (
    <div data-testid="relationship-map">
      <Alert
        type={ALERT[data.status]}
        showIcon
        data-testid="map-status"
        data-status={data.status}
        title={t(`relmap.status.${data.status}`)}
        description={<span title={t('relmap.statusHint')}>{data.statusReason}</span>}
        style={{ marginBottom: 8 }}
      />
      <Flex wrap gap={8} align="center" style={{ marginBottom: 8, fontSize: 12 }}>
        <span>{t('relmap.attitude')}:</span>
        {[-4, -1, 0, 1, 4].map((a) => (
          <Tag key={a} color={attitudeColor(a)}>
            {a > 0 ? `+${a}` : a}
          </Tag>
        ))}
        <Tag color={attitudeColor(null)}>{t('common.unknown')}</Tag>
        <span>— {t('relmap.legendReports')}</span>
        <span style={{ color: LINK_COLOUR }}>- - - {t('relmap.legendLink')}</span>
        <Tag color="blue">{t('relmap.legendCounterpart')}</Tag>
      </Flex>
      {writable && data.nodes.length > 1 && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
          {t('relmap.connectHint')}
        </Typography.Paragraph>
      )}
      {data.nodes.length === 0 ? (
        <Empty
          description={source.kind === 'account' ? t('relmap.empty') : t('relmap.emptyDeal')}
          data-testid="map-empty"
        />
      ) : (
        <div
          data-testid="map-canvas"
          style={{ height: mobile ? 460 : 600, border: '1px solid #f0f0f0', borderRadius: 8, background: '#fafafa' }}
        >
          <ReactFlow<MapFlowNode, Edge>
            nodes={nodes}
            edges={edges}
            nodeTypes={nodeTypes}
            fitView
            fitViewOptions={{ padding: 0.2, maxZoom: 1 }}
            minZoom={0.2}
            nodesDraggable={false}
            nodesConnectable={writable}
            connectionRadius={40}
            onConnect={onConnect}
            onNodeClick={(_, n) => setSelectedId(n.id)}
            onEdgeClick={(_, e) => {
              const edge = data.edges.find((x) => x.id === e.id);
              if (edge) onEdgeClick(edge);
            }}
            proOptions={{ hideAttribution: true }}
          >
            <Background />
            <Controls showInteractive={false} />
          </ReactFlow>
        </div>
      )}
      {connecting && <LinkKindModal from={connecting.from} to={connecting.to} onClose={() => setConnecting(null)} />}
      {selected && (
        <NodePanel
          key={`${selected.contactId}-${selected.version}-${selected.influenceVersion ?? ''}`}
          node={selected}
          source={source}
          government={data.government}
          writable={writable}
          onClose={() => setSelectedId(null)}
        />
      )}
    </div>
  );
}
