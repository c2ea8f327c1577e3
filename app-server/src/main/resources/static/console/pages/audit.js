/* 审计日志: sign-ins, material links, exports, reference-data changes — newest first, filtered. */
import { Api } from '../api.js';
import * as Ui from '../ui.js';
import { go } from '../router.js';
import { PAGE_SIZE, filterForm, pagedTable } from './skeleton.js';

const { h, field, select } = Ui;

const ACTOR_LABELS = { STAFF: '工作人员', OPERATOR: '运营者', SYSTEM: '系统' };
const ACTION_LABELS = {
  LOGIN: '登录', LOGIN_FAILED: '登录失败', MATERIAL_DOWNLOAD_LINK: '签发材料查看链接', EXPORT: '导出',
  EXPORT_WITH_FULL_ID_NUMBERS: '导出（含完整身份证号码）', EXPORT_DOWNLOAD: '下载导出文件',
  CAMPAIGN_CREATED: '新增备案期', CAMPAIGN_UPDATED: '修改备案期', CAMPAIGN_DELETED: '删除备案期',
  PLACE_NAME_ADDED: '新增地名词', PLACE_NAME_REMOVED: '删除地名词',
};

export default {
  route: 'audit',
  nav: '审计日志',
  title: '审计日志',
  roles: ['ADMIN'],
  load: ({ params }) => Api.get('/api/console/admin/audit', {
    action: params.action, actorType: params.actorType, targetType: params.targetType, targetId: params.targetId,
    from: params.from, to: params.to, page: params.page || 1, size: PAGE_SIZE,
  }),
  render(container, result, { params }) {
    container.append(filters(params),
      ...pagedTable([
        { title: '时间', render: e => Ui.dateTime(e.occurredAt) },
        { title: '操作者', render: e => (ACTOR_LABELS[e.actorType] || e.actorType) + (e.actorId ? ' #' + e.actorId : '') },
        { title: '操作', render: e => [ACTION_LABELS[e.action] || e.action, h('span', { class: 'field-hint' }, ' ' + e.action)] },
        { title: '对象', render: e => e.targetType + ' ' + e.targetId },
        { title: '说明', render: e => Ui.text(e.detail) },
        { title: '来源 IP', render: e => Ui.text(e.clientIp) },
      ], result, { empty: '没有符合条件的记录', onPage: page => go('audit', Object.assign({}, params, { page })) }));
  },
};

function filters(params) {
  const action = h('input', { name: 'action', id: 'audit-action', value: params.action || '', placeholder: '如 LOGIN、MATERIAL_DOWNLOAD_LINK' });
  const actorType = select('actorType', [['', '全部'], ...Object.entries(ACTOR_LABELS)], params.actorType, { id: 'audit-actor-type' });
  const targetId = h('input', { name: 'targetId', id: 'audit-target-id', value: params.targetId || '', placeholder: '对象编号' });
  const from = h('input', { type: 'date', name: 'from', id: 'audit-from', value: params.from || '' });
  const to = h('input', { type: 'date', name: 'to', id: 'audit-to', value: params.to || '' });
  return filterForm({
    fields: [field('操作', action), field('操作者', actorType), field('对象编号', targetId), field('日期从', from), field('日期到', to)],
    submitId: 'audit-submit',
    onSubmit: () => go('audit', {
      action: action.value.trim(), actorType: actorType.value, targetId: targetId.value.trim(), from: from.value, to: to.value, page: 1,
    }),
  });
}
