import { useMemo } from 'react';
import { Empty, Flex, Spin, Tag, Typography } from 'antd';
import { Background, Controls, MarkerType, ReactFlow, type Edge } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useOrgChart } from './api.ts';
import { useIsMobile } from '../../components/useIsMobile.ts';
import { attitudeColor } from '../../components/AttitudeTag.tsx';
import { layoutTree } from './orgLayout.ts';
import { OrgNode, type OrgFlowNode } from './OrgNode.tsx';

const nodeTypes = { contact: OrgNode };

/** 组织架构图: reporting lines as a top-down tree, relationship links (关系分析) as dashed edges. */
export function OrgChartView({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const mobile = useIsMobile();
  const chart = useOrgChart(accountId);

  const { nodes, edges } = useMemo(() => {
    if (!chart.data) return { nodes: [] as OrgFlowNode[], edges: [] as Edge[] };
    const ids = new Set(chart.data.nodes.map((n) => n.id));
    const nodes: OrgFlowNode[] = layoutTree(chart.data.nodes).map((p) => ({
      id: p.node.id,
      type: 'contact',
      position: { x: p.x, y: p.y },
      data: { contact: p.node },
      draggable: false,
      connectable: false,
    }));
    const reporting: Edge[] = chart.data.nodes
      .filter((n) => n.reportsToId && ids.has(n.reportsToId))
      .map((n) => ({
        id: `r-${n.id}`,
        source: n.reportsToId as string,
        target: n.id,
        type: 'smoothstep',
        style: { stroke: '#595959', strokeWidth: 1.5 },
      }));
    const links: Edge[] = chart.data.links
      .filter((l) => ids.has(l.fromContactId) && ids.has(l.toContactId))
      .map((l) => ({
        id: `l-${l.id}`,
        source: l.fromContactId,
        target: l.toContactId,
        sourceHandle: 'side-out',
        targetHandle: 'side-in',
        type: 'default',
        label: t(`enum.linkKind.${l.kind}`),
        style: { stroke: '#1677ff', strokeDasharray: '6 4' },
        labelStyle: { fill: '#1677ff', fontSize: 11 },
        labelBgStyle: { fill: '#fff' },
        markerEnd: { type: MarkerType.ArrowClosed, color: '#1677ff' },
      }));
    return { nodes, edges: [...reporting, ...links] };
  }, [chart.data, t]);

  if (chart.isPending) return <Spin />;
  if (chart.isError) return <Typography.Text type="danger">{chart.error.message}</Typography.Text>;
  if (nodes.length === 0) return <Empty description={t('orgChart.empty')} data-testid="org-chart-empty" />;

  return (
    <div>
      <Flex wrap gap={8} align="center" style={{ marginBottom: 8, fontSize: 12 }}>
        <span>{t('field.contact.attitude')}:</span>
        {[-4, -1, 0, 1, 4].map((a) => (
          <Tag key={a} color={attitudeColor(a)}>
            {a > 0 ? `+${a}` : a}
          </Tag>
        ))}
        <Tag color={attitudeColor(null)}>{t('common.unknown')}</Tag>
        <span style={{ color: '#1677ff' }}>- - - {t('orgChart.linkLegend')}</span>
      </Flex>
      <div
        data-testid="org-chart"
        style={{ height: mobile ? 460 : 600, border: '1px solid #f0f0f0', borderRadius: 8, background: '#fafafa' }}
      >
        <ReactFlow<OrgFlowNode, Edge>
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          fitView
          fitViewOptions={{ padding: 0.15 }}
          minZoom={0.2}
          nodesConnectable={false}
          nodesDraggable={false}
          onNodeClick={(_, n) => navigate(`/contacts/${n.id}`)}
          proOptions={{ hideAttribution: true }}
        >
          <Background />
          <Controls showInteractive={false} />
        </ReactFlow>
      </div>
    </div>
  );
}
