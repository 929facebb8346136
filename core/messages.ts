// Every message the API returns, in both languages. Errors carry both; `message` is the caller's.
import { IMPORT_MESSAGES } from './import/messages.ts';
import { EVENT_MESSAGES } from './events-messages.ts';
export type Lang = 'zh' | 'en';
export type Params = Record<string, string | number>;
type Template = { zh: string; en: string };

export const MESSAGES = {
  validation: { zh: '输入有误', en: 'Invalid input' },
  unauthenticated: { zh: '请先登录', en: 'Please sign in' },
  forbidden: { zh: '没有权限执行此操作', en: 'You are not allowed to do this' },
  not_found: { zh: '记录不存在或不在您的数据范围内', en: 'Not found, or outside your data scope' },
  route_not_found: { zh: '接口不存在', en: 'No such endpoint' },
  stale_version: {
    zh: '该记录已被他人修改，请刷新后重试',
    en: 'This record was changed by someone else; reload and try again',
  },
  payload_too_large: { zh: '请求内容过大', en: 'Request body is too large' },
  rate_limited: { zh: '尝试次数过多，请稍后再试', en: 'Too many attempts; try again later' },
  invalid_credentials: { zh: '邮箱或密码错误', en: 'Wrong e-mail or password' },
  csrf: { zh: '跨站请求被拒绝', en: 'Cross-site request refused' },
  token_invalid: {
    zh: 'API 令牌无效、已过期或已撤销',
    en: 'The API token is invalid, expired or revoked',
  },
  token_read_only: { zh: '只读令牌不能修改数据', en: 'A read-only token cannot change data' },
  token_session_only: {
    zh: '此操作需在浏览器中登录后进行，API 令牌不可用',
    en: 'This needs a signed-in browser session; an API token cannot do it',
  },
  token_expiry_past: { zh: '过期时间须晚于现在', en: 'The expiry must be in the future' },
  // Single sign-on (issue 23, item 4)
  password_login_disabled: {
    zh: '本组织已关闭密码登录，请点击“企业账号登录（SSO）”',
    en: 'Password sign-in is turned off for your organisation; use "Sign in with SSO"',
  },
  sso_issuer: {
    zh: '须为 https:// 开头的地址（http:// 仅限本机 localhost 测试），且不带查询参数',
    en: 'must be an https:// URL without a query (http:// only for localhost)',
  },
  sso_needs_enabled: { zh: '须先启用单点登录，才能关闭密码登录', en: 'needs single sign-on turned on first' },
  sso_domain: { zh: '不是有效的邮箱域名（如 example.com）', en: 'is not an e-mail domain such as example.com' },
  sso_domain_taken: {
    zh: '已被本系统中另一个组织的单点登录使用',
    en: "is already used by another organisation's single sign-on on this server",
  },
  sso_discovery: {
    zh: '无法读取身份提供方的配置：{reason}',
    en: "could not read the identity provider's configuration: {reason}",
  },
  unsupported_media_type: { zh: '请使用 JSON 格式提交', en: 'Send the body as JSON' },
  setup_done: { zh: '系统已完成初始化', en: 'Set-up has already been done' },
  internal: { zh: '服务器内部错误', en: 'Internal server error' },
  database_unavailable: {
    zh: '数据库暂时无法连接，请稍后重试',
    en: 'The database is unavailable for a moment; try again shortly',
  },
  ...IMPORT_MESSAGES,
  ...EVENT_MESSAGES,
  // Field-level
  required: { zh: '必填', en: 'is required' },
  min_length: { zh: '至少 {limit} 个字符', en: 'must have at least {limit} characters' },
  max_length: { zh: '最多 {limit} 个字符', en: 'must have at most {limit} characters' },
  minimum: { zh: '不能小于 {limit}', en: 'must be ≥ {limit}' },
  maximum: { zh: '不能大于 {limit}', en: 'must be ≤ {limit}' },
  pattern: { zh: '格式不正确', en: 'has the wrong format' },
  money: { zh: '金额格式不正确（非负数，最多两位小数）', en: 'must be a non-negative amount with at most 2 decimals' },
  format: { zh: '格式不正确（应为 {format}）', en: 'must be a valid {format}' },
  enum: { zh: '取值无效，可选：{allowed}', en: 'must be one of: {allowed}' },
  type: { zh: '类型不正确（应为 {type}）', en: 'must be of type {type}' },
  unknown_field: { zh: '不支持的字段', en: 'is not a known field' },
  max_items: { zh: '最多 {limit} 项', en: 'must have at most {limit} items' },
  control_character: { zh: '不能包含控制字符（如 NUL）', en: 'must not contain control characters (such as NUL)' },
  too_deep: { zh: '嵌套层级过深（最多 {limit} 层）', en: 'is nested too deeply (at most {limit} levels)' },
  invalid: { zh: '取值无效', en: 'is invalid' },
  invalid_credit_code: { zh: '统一社会信用代码校验失败', en: 'is not a valid unified social credit code' },
  credit_code_taken: { zh: '该统一社会信用代码已被其他客户使用', en: 'is already used by another account' },
  unknown_user: { zh: '用户不存在', en: 'is not a user of this organisation' },
  unknown_team: { zh: '团队不存在', en: 'is not a team of this organisation' },
  unknown_region: {
    zh: '不是有效的行政区划代码（GB/T 2260）',
    en: 'is not a known administrative division code (GB/T 2260)',
  },
  unknown_industry: { zh: '不是有效的行业代码（GB/T 4754）', en: 'is not a known industry code (GB/T 4754)' },
  unknown_list_item: { zh: '不在管理员设置的选项中', en: 'is not one of the options the administrator set' },
  other_text_required: { zh: '选择“其他”时请填写说明', en: 'needs a description when "other" is chosen' },
  unknown_account: { zh: '客户不存在或不在您的数据范围内', en: 'is not an account in your scope' },
  unknown_contact: { zh: '联系人不存在', en: 'is not a contact in your scope' },
  other_account_contact: { zh: '必须是同一客户的联系人', en: 'must be a contact of the same account' },
  cycle: {
    zh: '不能形成循环（不能隶属于自己或自己的下级）',
    en: 'would create a cycle (a record cannot sit under itself or its descendants)',
  },
  self_link: { zh: '不能与自己建立关系', en: 'cannot link a contact to itself' },
  email_taken: { zh: '该邮箱已被使用', en: 'is already in use' },
  wrong_password: { zh: '当前密码不正确', en: 'is not your current password' },
  // A new password too easy to guess (issue 19): the reason, from the strength estimator's finding
  password_common: {
    zh: '过于简单：是常见密码或与常见密码相近',
    en: 'is too easy to guess: it is or resembles a common password',
  },
  password_words: {
    zh: '过于简单：只是常见单词、姓名或拼音',
    en: 'is too easy to guess: it is just common words or names',
  },
  password_repeated: {
    zh: '过于简单：重复同一字符或片段（如 aaaaaaaa）',
    en: 'is too easy to guess: it repeats characters (like aaaaaaaa)',
  },
  password_sequence: {
    zh: '过于简单：是连续的数字或字母（如 12345678）',
    en: 'is too easy to guess: it is a sequence (like 12345678)',
  },
  password_keyboard: {
    zh: '过于简单：是键盘上相邻的按键（如 qwertyui）',
    en: 'is too easy to guess: it is a keyboard pattern (like qwertyui)',
  },
  password_dates: { zh: '过于简单：主要是日期或年份', en: 'is too easy to guess: it is mostly a date or year' },
  password_personal: {
    zh: '过于简单：包含您的邮箱、姓名或公司名',
    en: 'is too easy to guess: it contains your e-mail, name or company',
  },
  password_weak: {
    zh: '过于简单，请加长或组合几个不相关的词',
    en: 'is too easy to guess; make it longer or combine unrelated words',
  },
  team_not_empty: { zh: '团队下还有成员或子团队', en: 'Team still has members or sub-teams' },
  account_has_deals: {
    zh: '该客户还有商机记录，不能删除；可改为归档',
    en: 'Account has deals and cannot be deleted; archive it instead',
  },
  account_has_children: { zh: '该客户还有下属机构', en: 'Account still has subsidiaries' },
  // The recycle bin 回收站 (issue 18)
  closed_deal_delete: {
    zh: '已赢单或已丢单的商机是成败分析的历史记录，客户经理不能删除；请联系销售经理',
    en: 'Won and lost deals are the win/loss history and cannot be deleted by a rep; ask your manager',
  },
  restore_parent_missing: {
    zh: '该记录所属的客户（或其引用的记录）已不存在，请先从回收站恢复客户',
    en: 'The account (or another record) this belongs to no longer exists; restore the account from the recycle bin first',
  },
  restore_conflict: {
    zh: '已有相同的记录（如相同的统一社会信用代码），无法恢复',
    en: 'A record with the same unique details (e.g. the credit code) exists; it cannot be restored',
  },
  cannot_remove_self: { zh: '不能停用或降级自己的管理员账号', en: 'You cannot deactivate or demote yourself' },
  stage_in_use: { zh: '该阶段还有进行中的商机，请先移走', en: 'Open deals are still in this stage; move them first' },
  stage_required: {
    zh: '漏斗至少需要一个进行中阶段，以及赢单和输单阶段',
    en: 'The funnel needs at least one open stage, plus its won and lost stages',
  },
  stage_order: { zh: '必须包含全部进行中阶段，且不重复', en: 'must list every open stage exactly once' },
  unknown_stage: { zh: '阶段不存在', en: 'is not a stage of this funnel' },
  unknown_product: { zh: '产品不存在', en: 'is not a product of the catalogue' },
  unknown_competitor: { zh: '竞争对手不存在', en: 'is not a known competitor' },
  unknown_opportunity: { zh: '商机不存在或不在您的数据范围内', en: 'is not an opportunity in your scope' },
  reason_required: {
    zh: '赢单率与阶段默认值不同，请填写原因',
    en: 'is required when the probability differs from the stage default',
  },
  unmet_criteria: {
    zh: '当前阶段还有未完成的出口条件：{criteria}。确认后可继续推进',
    en: 'Exit criteria of the current stage are not met: {criteria}. Confirm to move on anyway',
  },
  contact_or_new: { zh: '请选择联系人或新建联系人（二选一）', en: 'give either contactId or newContact' },
  duplicate_influence: { zh: '该联系人已在影响者名单中', en: 'is already a buying influence on this deal' },
  product_in_use: {
    zh: '该产品已被商机引用，不能删除；可改为停用',
    en: 'Product is used by opportunities and cannot be deleted; deactivate it instead',
  },
  competitor_in_use: {
    zh: '有商机记录输给了该竞争对手，不能删除',
    en: 'Deals were lost to this competitor; it cannot be deleted',
  },
  // Activities (issue 4)
  unknown_activity_type: { zh: '活动类型不存在或已停用', en: 'is not an active activity type' },
  activity_type_taken: { zh: '该活动类型标识已存在', en: 'is already an activity type' },
  builtin_activity_type: {
    zh: '内置活动类型不能删除，可改为停用',
    en: 'Built-in activity types cannot be deleted; deactivate them instead',
  },
  activity_type_in_use: {
    zh: '已有活动使用该类型，不能删除，可改为停用',
    en: 'Activities use this type; deactivate it instead',
  },
  end_before_start: { zh: '结束时间不能早于开始时间', en: 'must not be before the start' },
  activity_too_long: { zh: '活动时长最多 {days} 天', en: 'must be at most {days} days after the start' },
  done_in_future: {
    zh: '计划时间在 1 天以后，尚未发生的活动不能记为已完成；如已提前进行，请先修改日期',
    en: 'is more than a day ahead: a call that has not happened cannot be logged as done; change the date first',
  },
  other_account_opportunity: { zh: '必须是同一客户的商机', en: 'must be an opportunity of the same account' },
  not_assignable: { zh: '只能指派给您数据范围内的同事', en: 'must be a colleague within your data scope' },
  task_not_assignable: {
    zh: '只能指派给您数据范围内的同事或该客户团队的成员',
    en: 'must be a colleague within your data scope or on the account\u2019s team',
  },
  window_too_long: {
    zh: '时间范围最长 {days} 天，且结束须晚于开始',
    en: 'must be after from and at most {days} days later',
  },
  after_sales_subject: { zh: '售后回访 · {deal} (+{days} 天)', en: 'After-sales follow-up · {deal} (+{days} days)' },
  untiered: { zh: '未分级', en: 'Untiered' },
  one_timeline_target: {
    zh: '请指定且只指定一项：客户、商机或联系人',
    en: 'give exactly one of accountId, opportunityId or contactId',
  },
  // Forecasts, quotas and planning (issue 5)
  positive_money: { zh: '须为大于 0 的金额（最多两位小数）', en: 'must be an amount above 0 with at most 2 decimals' },
  period: {
    zh: '期间格式应为 YYYY、YYYY-Qn 或 YYYY-MM（如 2027-Q1）',
    en: 'must be a period: YYYY, YYYY-Qn or YYYY-MM (e.g. 2027-Q1)',
  },
  unassigned: { zh: '未分配', en: 'Unassigned' },
  total: { zh: '合计', en: 'Total' },
  quota_subject: { zh: '请指定且只指定一项：人员或团队', en: 'give exactly one of userId or teamId' },
  quota_exists: {
    zh: '该人员或团队在此期间已有配额，请直接修改',
    en: 'A quota for this person or team and period already exists; edit it instead',
  },
  below_target: { zh: '不能低于目标', en: 'must be at least the target' },
  below_stretch: { zh: '不能低于冲刺目标', en: 'must be at least the stretch target' },
  no_quota: { zh: '{year} 年还没有配额，请填写配额', en: 'no quota is set for {year}; give one' },
  no_won_deals: {
    zh: '近 12 个月没有赢单，请填写平均单笔金额',
    en: 'no deal was won in the last 12 months; give an average deal size',
  },
  ratios_length: { zh: '应有 {count} 个数，每个计划阶段一个', en: 'must have {count} numbers, one per planning stage' },
  ratios_empty: { zh: '至少一个阶段的活动数大于 0', en: 'must have at least one stage with activities' },
  multiple_of: { zh: '须为 {limit} 的整数倍', en: 'must be a multiple of {limit}' },
  no_won_stage: { zh: '漏斗没有赢单阶段', en: 'The funnel has no won stage' },
  no_reason_given: { zh: '未填写原因', en: 'No reason given' },
  no_source_given: { zh: '未填写来源', en: 'No source given' },
  time_zone: {
    zh: '不是已知的时区，请选择 IANA 时区名（如 Asia/Shanghai）',
    en: 'is not a known time zone; pick an IANA zone name such as Asia/Shanghai',
  },
  // Prospect qualification and the shared pool 公海 (issue 6)
  exclusive_minimum: { zh: '须大于 {limit}', en: 'must be > {limit}' },
  exclusive_maximum: { zh: '须小于 {limit}', en: 'must be < {limit}' },
  already_claimed: { zh: '该客户已被他人领取', en: 'This account has already been claimed by someone else' },
  claim_limit: {
    zh: '您从公海领取的客户已达上限（{limit} 个），请先放回或处理已领取的客户',
    en: 'You already hold the most accounts you may claim from the shared pool ({limit})',
  },
  account_archived: { zh: '该客户已归档', en: 'This account is archived' },
  account_has_open_deals: {
    zh: '该客户还有进行中的商机，请先关闭或转交后再放入公海',
    en: 'The account still has open deals; close or hand them over before dropping it to the shared pool',
  },
  // Key-account scoring (issue 6)
  weights_sum: { zh: '各项权重合计须为 100（当前为 {sum}）', en: 'weights must add up to 100 (they add up to {sum})' },
  duplicate_key: { zh: '标识重复', en: 'is used by another criterion' },
  duplicate_field: { zh: '该字段已在本评分项中', en: 'is already read by this criterion' },
  bands_order: { zh: '分段下限须从小到大排列且不重复', en: 'band minimums must increase from band to band' },
  threshold_order: { zh: 'A 级阈值须高于 B 级阈值', en: 'must be above the tier B threshold' },
  // Pareto / ABC and time follows value (issue 6)
  pareto_threshold_order: { zh: 'B 类阈值须高于 A 类阈值', en: 'must be above the class A threshold' },
  shares_sum: {
    zh: '各级占比合计须为 100%（当前为 {sum}%）',
    en: 'shares must add up to 100% (they add up to {sum}%)',
  },
  // Account handover 交接 (issue 22)
  handover_same_user: { zh: '不能交接给移交人本人', en: 'must be a different user from the one handing over' },
  inactive_user: { zh: '该用户已停用', en: 'is not an active user' },
  handover_not_owner: { zh: '不是移交人名下的客户', en: 'is not an account of the user handing over' },
  shares_required: { zh: '固定占比模式须填写 A、B、C 各级占比', en: 'is required when effort shares are fixed' },
  // Duplicate checks 查重 (issue 22): the 409's `matches` say which records and whose
  duplicate_account: {
    zh: '已有相同的客户：同一统一社会信用代码不能重复登记，同名客户需确认后才能创建',
    en: 'A matching account exists: a credit code cannot be registered twice, and a name match needs confirming',
  },
  duplicate_contact: {
    zh: '已有相同手机号或邮箱的联系人，确认后仍可保存',
    en: 'A contact with the same mobile or e-mail exists; confirm to save anyway',
  },
  duplicate_deal: {
    zh: '该客户已有同名的进行中商机，确认后仍可保存',
    en: 'The account already has an open deal of this name; confirm to save anyway',
  },
  name_taken: {
    zh: '与已登记的客户同名；确认后仍可创建（allowDuplicateName）',
    en: 'matches a registered account; send allowDuplicateName: true to save anyway',
  },
  contact_taken: {
    zh: '已被其他联系人使用；确认后仍可保存（allowDuplicate）',
    en: 'is used by another contact; send allowDuplicate: true to save anyway',
  },
  deal_name_taken: {
    zh: '与该客户的进行中商机同名；确认后仍可保存（allowDuplicate）',
    en: 'matches an open deal of the account; send allowDuplicate: true to save anyway',
  },
  pool_owner: { zh: '公海', en: 'Shared pool' },
  // Merges 合并 (issue 22)
  merge_same_record: { zh: '不能与自身合并', en: 'must be a different record from the one kept' },
  merge_merged: {
    zh: '该记录已被合并到另一条记录，请在保留的记录上操作',
    en: 'This record was merged into another; work on the one that was kept',
  },
  merge_undone: { zh: '该合并已撤销', en: 'This merge has already been undone' },
  merge_undo_expired: {
    zh: '合并已超过 30 天，不能撤销',
    en: 'The merge is more than 30 days old and can no longer be undone',
  },
  merge_undo_conflict: {
    zh: '合并后部分记录已被移到其他客户或联系人下，不能撤销',
    en: 'Some records moved by the merge have been moved elsewhere since; it cannot be undone',
  },
} satisfies Record<string, Template>;

export type MessageCode = keyof typeof MESSAGES;

export function format(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
}

export function messagePair(code: MessageCode, params?: Params): { zh: string; en: string } {
  const t = MESSAGES[code];
  return { zh: format(t.zh, params), en: format(t.en, params) };
}

/** zh unless the caller prefers English (Accept-Language or their saved locale). */
export function pickLang(acceptLanguage: string | undefined | null): Lang {
  // The first of the caller's preferences that we speak; Chinese when none is.
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.split(';')[0].trim().toLowerCase();
    if (tag.startsWith('zh')) return 'zh';
    if (tag.startsWith('en')) return 'en';
  }
  return 'zh';
}
