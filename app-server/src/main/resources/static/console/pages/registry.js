/* 台账: every filing, filtered, sorted by column and paged; the filters live in the URL so a
 * filtered list can be bookmarked and the back button returns to it. */
import { Api } from '../api.js';
import * as Ui from '../ui.js';
import { Labels, counties, townships } from '../reference.js';
import { go } from '../router.js';
import { currentUser } from '../session.js';
import { PAGE_SIZE, filterForm, pagedTable } from './skeleton.js';

const { h, field, select } = Ui;

// county: the city office's drill-down from the dashboard (the server checks it), kept while filtering and paging
const FILTERS = ['text', 'subject', 'status', 'township', 'formType', 'overdue', 'dueFrom', 'dueTo', 'operatorId', 'county'];
const DEFAULT_SORT = '-createdAt';

export default {
  route: 'registry',
  nav: '台账',
  title: '台账',
  roles: ['REVIEWER', 'ADMIN'],
  async load(ctx) {
    const { page, sort } = paging(ctx.params);
    const citywide = !!(currentUser() && currentUser().citywide);
    const [result, names, countyList] = await Promise.all([
      Api.get('/api/console/registry', Object.assign(pick(ctx.params, FILTERS), { sort, page, size: PAGE_SIZE })),
      townships(ctx.params.county).catch(() => []),
      citywide || ctx.params.county ? counties().catch(() => []) : [],
    ]);
    const county = countyList.find(c => c.code === ctx.params.county);
    return { result, names, countyName: county ? county.name : ctx.params.county, countyList: citywide ? countyList : [] };
  },
  render(container, { result, names, countyName, countyList }, ctx) {
    const params = ctx.params;
    const { page, sort } = paging(params);
    const withParams = changes => go('registry', Object.assign(pick(params, FILTERS), { sort, page }, changes));
    container.append(
      filters(params, names, sort, countyName, countyList),
      ...pagedTable([
        { title: '公众号名称', sortKey: 'accountName', render: r => h('a', { href: '#/filings/' + r.id, class: 'strong' }, Ui.text(r.accountName)) },
        { title: '微信号', render: r => Ui.text(r.wechatId) },
        { title: '主体名称', render: r => Ui.text(r.subjectName) },
        { title: '类型', render: r => Labels.formTypeShort[r.formType] || r.formType },
        { title: '乡镇', render: r => Ui.text(r.township) },
        { title: '状态', render: r => Ui.statusBadge(r.status, r.statusLabel) },
        { title: '备案编号', sortKey: 'filingNumber', render: r => Ui.text(r.filingNumber) },
        {
          title: '截止日期', sortKey: 'dueOn',
          render: r => [Ui.date(r.dueOn), r.overdue ? h('span', { class: 'badge badge-overdue' }, '逾期') : null],
        },
        { title: '提交时间', sortKey: 'submittedAt', render: r => Ui.dateTime(r.submittedAt) },
        { title: '登记时间', sortKey: 'createdAt', render: r => Ui.dateTime(r.createdAt) },
        { title: '纸质材料', render: r => (r.paperReceived ? '已收到' : '未收到') },
      ], result, {
        sort, onSort: key => withParams({ sort: key, page: 1 }), empty: '没有符合条件的备案。',
        rowClass: r => (r.overdue ? 'overdue' : null), onPage: p => withParams({ page: p }),
      }));
  },
};

function paging(params) {
  return { page: Number(params.page) || 1, sort: params.sort || DEFAULT_SORT };
}

function pick(source, keys) {
  const picked = {};
  for (const key of keys) if (source[key]) picked[key] = source[key];
  return picked;
}

function filters(params, names, sort, countyName, countyList) {
  // the city office picks a county here too (a county office's view is its own county already)
  const county = countyList.length
    ? select('county', [['', '全市'], ...countyList.map(c => [c.code, c.name])], params.county, { id: 'filter-county' }) : null;
  const text = h('input', { name: 'text', id: 'filter-text', value: params.text || '', placeholder: '公众号名称、微信号、gh_原始ID或备案编号（前缀）' });
  const subject = h('input', { name: 'subject', id: 'filter-subject', value: params.subject || '', placeholder: '单位或个人名称（前缀）' });
  const status = select('status', Ui.optionsOf(Labels.status, '全部状态'), params.status, { id: 'filter-status' });
  // a township from an old link stays selectable even if the dictionary no longer lists it
  const townshipNames = params.township && !names.includes(params.township) ? [...names, params.township] : names;
  const township = select('township', [['', '全部乡镇'], ...townshipNames.map(n => [n, n])], params.township, { id: 'filter-township' });
  const formType = select('formType', Ui.optionsOf(Labels.formTypeShort, '全部类型'), params.formType, { id: 'filter-form-type' });
  const overdue = h('input', { type: 'checkbox', name: 'overdue', id: 'filter-overdue', checked: params.overdue === 'true' });
  const dueFrom = h('input', { type: 'date', name: 'dueFrom', id: 'filter-due-from', value: params.dueFrom || '' });
  const dueTo = h('input', { type: 'date', name: 'dueTo', id: 'filter-due-to', value: params.dueTo || '' });
  return filterForm({
    fields: [
      county ? field('县（区）', county) : null, field('关键词', text), field('主体名称', subject), field('状态', status), field('乡镇（办事处）', township), field('登记表', formType),
      field('截止日期从', dueFrom), field('截止日期到', dueTo),
      h('label', { class: 'check' }, overdue, '只看逾期未备案'),
    ],
    note: [
      params.operatorId ? h('p', { class: 'filter-note' }, `仅显示运营者 #${params.operatorId} 的备案。`,
        h('button', { type: 'button', class: 'link-button', onclick: () => go('registry', Object.assign({}, params, { operatorId: '', page: 1 })) },
          '取消此条件')) : null,
      params.county && !county ? h('p', { class: 'filter-note', id: 'filter-county-note' }, `仅显示${countyName}的备案。`,
        h('button', { type: 'button', class: 'link-button', onclick: () => go('registry', Object.assign({}, params, { county: '', page: 1 })) },
          '取消此条件')) : null,
    ],
    submitId: 'filter-submit',
    buttons: h('button', { type: 'button', class: 'button', onclick: () => go('registry', {}) }, '清空条件'),
    onSubmit: () => go('registry', {
      text: text.value.trim(), subject: subject.value.trim(), status: status.value, township: township.value, formType: formType.value,
      overdue: overdue.checked ? 'true' : '', dueFrom: dueFrom.value, dueTo: dueTo.value, operatorId: params.operatorId,
      county: county ? county.value : params.county, sort, page: 1,
    }),
  });
}
