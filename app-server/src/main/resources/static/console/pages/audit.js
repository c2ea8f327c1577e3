/* 审计日志: sign-ins, staff accounts, material links, exports, reference-data changes — newest first, filtered;
   校验审计链 recomputes the hash chain on the server and says whether any entry was changed or removed.
   A county office's administrator sees its county's entries only (the server narrows them) and cannot verify the
   chain, which spans every county; the city office sees a 县（区） column (全市 for a city-wide entry) and may filter
   by county (the server's drill-down, #/audit?county=411421). */
import { Api } from '../api.js';
import * as Ui from '../ui.js';
import { counties } from '../reference.js';
import { go } from '../router.js';
import { currentUser } from '../session.js';
import { PAGE_SIZE, filterForm, messageBox, onClick, pagedTable } from './skeleton.js';

const { h, field, select } = Ui;

const ACTOR_LABELS = { STAFF: '工作人员', OPERATOR: '运营者', SYSTEM: '系统' };
const ACTION_LABELS = {
  LOGIN: '登录', LOGIN_FAILED: '登录失败', MATERIAL_DOWNLOAD_LINK: '签发材料查看链接', EXPORT: '导出',
  EXPORT_WITH_FULL_ID_NUMBERS: '导出（含完整身份证号码）', EXPORT_DOWNLOAD: '下载导出文件',
  CAMPAIGN_CREATED: '新增备案期', CAMPAIGN_UPDATED: '修改备案期', CAMPAIGN_DELETED: '删除备案期',
  PLACE_NAME_ADDED: '新增地名词', PLACE_NAME_REMOVED: '删除地名词',
  LOGIN_REFUSED: '拒绝登录（锁定或停用）', STAFF_CREATED: '新增工作人员', STAFF_UPDATED: '修改工作人员（角色、启用）',
  STAFF_LOCKED: '账号因多次登录失败被锁定', STAFF_PASSWORD_RESET: '重置工作人员密码', STAFF_PASSWORD_CHANGED: '修改本人密码',
  STAFF_WECHAT_BIND: '绑定微信', STAFF_WECHAT_UNBIND: '解除绑定微信', OA_MENU_PUBLISHED: '发布公众号菜单',
  REMINDER_RULE_UPDATE: '修改提醒规则', REMINDER_RUN: '立即发送提醒',
};

export default {
  route: 'audit',
  nav: '审计日志',
  title: '审计日志',
  roles: ['ADMIN'],
  async load({ params }) {
    const citywide = isCitywide();
    const [result, countyList] = await Promise.all([
      Api.get('/api/console/admin/audit', {
        county: citywide ? params.county : '', action: params.action, actorType: params.actorType,
        targetType: params.targetType, targetId: params.targetId, from: params.from, to: params.to,
        page: params.page || 1, size: PAGE_SIZE,
      }),
      citywide ? counties().catch(() => []) : [],
    ]);
    return { result, citywide, countyList };
  },
  render(container, { result, citywide, countyList }, { params }) {
    const countyName = code => {
      const county = countyList.find(c => c.code === code);
      return code ? (county ? county.name : code) : '全市';
    };
    // Ui.append leaves out the verify button for a county office (the DOM's append would write "null")
    Ui.append(container, [citywide ? chainCheck() : null, filters(params, citywide ? countyList : null),
      ...pagedTable([
        { title: '时间', render: e => Ui.dateTime(e.occurredAt) },
        ...(citywide ? [{ title: '县（区）', render: e => countyName(e.countyCode) }] : []),
        { title: '操作者', render: e => (ACTOR_LABELS[e.actorType] || e.actorType) + (e.actorId ? ' #' + e.actorId : '') },
        { title: '操作', render: e => [ACTION_LABELS[e.action] || e.action, h('span', { class: 'field-hint' }, ' ' + e.action)] },
        { title: '对象', render: e => e.targetType + ' ' + e.targetId },
        { title: '说明', render: e => Ui.text(e.detail) },
        { title: '来源 IP', render: e => Ui.text(e.clientIp) },
      ], result, { empty: '没有符合条件的记录', onPage: page => go('audit', Object.assign({}, params, { page })) })]);
  },
};

/** 校验审计链: GET /api/console/admin/audit/verify → {entries, valid, firstBrokenId}, told in Chinese. */
function chainCheck() {
  const box = messageBox('audit-verify-result');
  const button = h('button', { type: 'button', class: 'button', id: 'audit-verify' }, '校验审计链');
  onClick(button, box, async () => {
    Ui.clear(box);
    box.appendChild(Ui.message('info', '正在逐条校验，记录较多时需要数秒……'));
    const result = await Api.get('/api/console/admin/audit/verify');
    if (result.valid) {
      Ui.showSuccess(box, `审计链完整：共 ${result.entries} 条记录，均未被修改或删除。`);
    } else {
      Ui.showError(box, new Error(`审计链已断开：共 ${result.entries} 条记录，自编号 ${result.firstBrokenId} 的记录起校验不通过`
        + '（该记录或其前一条被修改、删除或插入），请立即报告安全负责人。'));
    }
  });
  return h('div', { class: 'button-row' }, button, box);
}

function isCitywide() {
  return !!(currentUser() && currentUser().citywide);
}

/** {@code countyList}: the city office's county filter (null for a county office, whose view is its county's). */
function filters(params, countyList) {
  const action = h('input', { name: 'action', id: 'audit-action', value: params.action || '', placeholder: '如 LOGIN、MATERIAL_DOWNLOAD_LINK' });
  const actorType = select('actorType', [['', '全部'], ...Object.entries(ACTOR_LABELS)], params.actorType, { id: 'audit-actor-type' });
  const targetId = h('input', { name: 'targetId', id: 'audit-target-id', value: params.targetId || '', placeholder: '对象编号' });
  const from = h('input', { type: 'date', name: 'from', id: 'audit-from', value: params.from || '' });
  const to = h('input', { type: 'date', name: 'to', id: 'audit-to', value: params.to || '' });
  const county = countyList ? select('county', [['', '全部'], ...countyList.map(c => [c.code, c.name])], params.county,
    { id: 'audit-county' }) : null;
  return filterForm({
    fields: [county ? field('县（区）', county) : null, field('操作', action), field('操作者', actorType), field('对象编号', targetId),
      field('日期从', from), field('日期到', to)].filter(Boolean),
    submitId: 'audit-submit',
    onSubmit: () => go('audit', {
      county: county ? county.value : '', action: action.value.trim(), actorType: actorType.value, targetId: targetId.value.trim(), from: from.value, to: to.value, page: 1,
    }),
  });
}
