import { canSeeCase, type Agent, type Case } from '../../shared';
import type { Queryable } from '../../server/db/database';
import { readManyCaseParts, type CaseParts } from '../../server/repositories/case-detail-parts';
import { CASE_SELECT, toCase, type CaseRow } from '../../server/repositories/case-rows';

/** What `GET /cases/:id` shows an agent: the case and its parts, or null (404). */
export type CaseView = ({ case: Case } & CaseParts) | null;
/** Per case id, what one agent sees of it. */
export type ServerView = Map<string, CaseView>;

type Get = (url: string) => Promise<{ statusCode: number; json(): unknown }>;

/** The service's answer to `GET /cases/:id` for each case: one request per case. */
export async function serverViewFromApi(get: Get, caseIds: readonly string[]): Promise<ServerView> {
  const view: ServerView = new Map();
  for (const id of caseIds) {
    const res = await get(`/api/v1/cases/${id}`);
    if (res.statusCode === 404) view.set(id, null);
    else if (res.statusCode === 200) view.set(id, res.json() as CaseView);
    else throw new Error(`GET case ${id}: ${res.statusCode}`);
  }
  return view;
}

/** Every case with its parts, read in two statements, to be seen through each agent's eyes. */
export async function readCaseDetails(
  db: Queryable,
  caseIds: readonly string[],
): Promise<Map<string, { case: Case } & CaseParts>> {
  const [rows, parts] = await Promise.all([
    db.query<CaseRow>(`${CASE_SELECT} WHERE c.id = ANY($1::uuid[])`, [caseIds]),
    readManyCaseParts(db, caseIds),
  ]);
  const out = new Map<string, { case: Case } & CaseParts>();
  for (const row of rows.rows) {
    const c = toCase(row);
    // Through JSON, as the wire carries it (e.g. dates as strings).
    out.set(c.id, JSON.parse(JSON.stringify({ case: c, ...parts.get(c.id)! })) as never);
  }
  return out;
}

/**
 * The same view `GET /cases/:id` gives this agent (the service's own row mappers and its
 * visibility rule, canSeeCase), built from one read of every case instead of a request each.
 * chaos.test.ts holds it against the API's answers for every case and agent.
 */
export function viewOf(
  agent: Agent,
  details: Map<string, { case: Case } & CaseParts>,
  caseIds: readonly string[],
): ServerView {
  const view: ServerView = new Map();
  for (const id of caseIds) {
    const d = details.get(id);
    if (!d) throw new Error(`case ${id} is not on the server`);
    view.set(id, canSeeCase(agent, d.case) ? d : null);
  }
  return view;
}
