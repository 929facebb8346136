// Relationship maps (关系图) of an account or a deal and the account's stakeholder grid: reads only.
// Edits go through the existing writes — contact links, a contact's reportsToId / attitude / power /
// interest, a buying influence's rating — so their scope checks and history stay in one place.
import type { Db } from '../../db/client.ts';
import { relationshipMapRepository } from './repository.ts';
import { contactLinksOf } from '../contacts/service.ts';
import { notFound } from '../../lib/errors.ts';
import type { Actor } from '../../access/index.ts';
import {
  describeMapJudgement,
  isDecisionMaker,
  isKeyPlayer,
  isSupportive,
  judgeMap,
  placeOnGrid,
  type CoverageLevel,
  type EconomicBuyerFacts,
  type InfluenceLevel,
  type MapKind,
} from '../../../core/relationship-map.ts';
import type { BuyingRole, ResponseMode } from '../../../core/blue-sheet.ts';
import { hasGovIntel, type LinkKind } from '../../../core/enums.ts';
import type {
  GovIntel,
  MapEdge,
  MapNode,
  RelationshipMap,
  Stakeholders,
} from '../../../core/schemas/relationship-map.ts';

type ContactFacts = Awaited<ReturnType<ReturnType<typeof relationshipMapRepository>['accountContacts']>>[number];
type Judged = 'keyPlayer' | 'supportive' | 'decisionMaker';

function govOf(c: Omit<ContactFacts, 'counterpartId' | 'counterpartName'>): GovIntel {
  return {
    position: c.govPosition,
    supplierSelection: c.govSupplierSelection,
    achievements: c.govAchievements,
    costAwareness: c.govCostAwareness,
  };
}

const counterpartOf = (id: string | null, name: string | null) => (id && name !== null ? { id, name } : null);

export function relationshipMapService(db: Db) {
  const repo = relationshipMapRepository(db);

  /** Reporting lines and relationship links with both ends on the map. */
  async function edgesAmong(
    orgId: string,
    nodes: { contactId: string; reportsToId: string | null }[],
  ): Promise<MapEdge[]> {
    const ids = new Set(nodes.map((n) => n.contactId));
    const edges: MapEdge[] = nodes
      .filter((n) => n.reportsToId && ids.has(n.reportsToId))
      .map((n) => ({
        id: `r-${n.contactId}`,
        source: n.reportsToId as string,
        target: n.contactId,
        kind: 'reports_to',
        linkId: null,
      }));
    for (const l of await contactLinksOf(db, orgId, [...ids])) {
      if (ids.has(l.fromContactId) && ids.has(l.toContactId)) {
        edges.push({
          id: `l-${l.id}`,
          source: l.fromContactId,
          target: l.toContactId,
          kind: l.kind as LinkKind,
          linkId: l.id,
        });
      }
    }
    return edges;
  }

  function judge(
    actor: Actor,
    kind: MapKind,
    nodes: Omit<MapNode, Judged>[],
    edges: MapEdge[],
    government: boolean,
    economicBuyers: EconomicBuyerFacts[],
  ): RelationshipMap {
    const judged = nodes.map((n) => ({
      ...n,
      keyPlayer: isKeyPlayer(n),
      supportive: isSupportive(n),
      decisionMaker: isDecisionMaker(n, kind),
    }));
    const judgement = judgeMap(nodes, kind, economicBuyers);
    return {
      status: judgement.status,
      statusReason: describeMapJudgement(judgement, actor.lang),
      government,
      nodes: judged,
      edges,
    };
  }

  return {
    async accountMap(actor: Actor, accountId: string): Promise<RelationshipMap> {
      const account = await repo.account(actor, accountId);
      if (!account) throw notFound();
      const government = hasGovIntel(account.ownershipType);
      const [people, dealInfluences] = await Promise.all([
        repo.accountContacts(actor.orgId, accountId),
        repo.openDealInfluences(actor.orgId, accountId),
      ]);
      const roles = new Map<string, Set<BuyingRole>>();
      for (const r of dealInfluences) {
        const set = roles.get(r.contactId) ?? new Set<BuyingRole>();
        for (const role of r.roles) set.add(role as BuyingRole);
        roles.set(r.contactId, set);
      }
      // Each open deal's economic buyers as its Blue Sheet has them (an archived contact still counts).
      const economicBuyers = dealInfluences
        .filter((r) => r.roles.includes('economic'))
        .map((r) => ({
          name: r.contactName,
          deal: r.dealName,
          coverage: r.coverage as CoverageLevel,
          rating: r.rating,
        }));
      const nodes = people.map((c) => ({
        contactId: c.id,
        name: c.name,
        title: c.title,
        department: c.department,
        reportsToId: c.reportsToId,
        influence: c.influence as InfluenceLevel | null,
        attitude: c.attitude,
        roles: [...(roles.get(c.id) ?? [])].sort(),
        mode: null,
        coverage: c.coverage as CoverageLevel,
        counterpart: counterpartOf(c.counterpartId, c.counterpartName),
        ...(government ? { gov: govOf(c) } : {}),
        version: c.version,
        influenceId: null,
        influenceVersion: null,
      }));
      return judge(actor, 'account', nodes, await edgesAmong(actor.orgId, nodes), government, economicBuyers);
    },

    async dealMap(actor: Actor, opportunityId: string): Promise<RelationshipMap> {
      const deal = await repo.deal(actor, opportunityId);
      if (!deal) throw notFound();
      const government = hasGovIntel(deal.ownershipType);
      const nodes = (await repo.dealInfluences(actor.orgId, opportunityId)).map((i) => ({
        contactId: i.contact.id,
        name: i.contact.name,
        title: i.contact.title,
        department: i.contact.department,
        reportsToId: i.contact.reportsToId,
        influence: i.influence as InfluenceLevel,
        attitude: i.rating,
        roles: i.roles as BuyingRole[],
        mode: i.mode as ResponseMode | null,
        coverage: i.coverage as CoverageLevel,
        counterpart: counterpartOf(i.counterpartId, i.counterpartName),
        ...(government ? { gov: govOf(i.contact) } : {}),
        version: i.contact.version,
        influenceId: i.influenceId,
        influenceVersion: i.version,
      }));
      // Only an open deal's economic buyer holds back green: a closed deal's map is a record.
      const economicBuyers =
        deal.status === 'open'
          ? nodes
              .filter((n) => n.roles.includes('economic'))
              .map((n) => ({ name: n.name, deal: null, coverage: n.coverage, rating: n.attitude }))
          : [];
      return judge(actor, 'deal', nodes, await edgesAmong(actor.orgId, nodes), government, economicBuyers);
    },

    async stakeholders(actor: Actor, accountId: string): Promise<Stakeholders> {
      if (!(await repo.account(actor, accountId))) throw notFound();
      const [people, dealInfluences] = await Promise.all([
        repo.accountContacts(actor.orgId, accountId),
        repo.openDealInfluences(actor.orgId, accountId),
      ]);
      const economicBuyers = new Set(
        dealInfluences.filter((r) => r.roles.includes('economic')).map((r) => r.contactId),
      );
      return {
        items: people.map((c) => {
          const facts = {
            influence: c.influence as InfluenceLevel | null,
            coverage: c.coverage as CoverageLevel,
            attitude: c.attitude,
          };
          return {
            contactId: c.id,
            name: c.name,
            title: c.title,
            ...facts,
            ...placeOnGrid({ ...facts, power: c.power, interest: c.interest, economicBuyer: economicBuyers.has(c.id) }),
            version: c.version,
          };
        }),
      };
    },
  };
}
