/* 逾期处置 (notice §4.3): drafts and sent-back filings past their due date; per filing, what was done. */
import { Api } from '../api.js';
import * as Ui from '../ui.js';
import { go } from '../router.js';
import { PAGE_SIZE, pagedTable } from './skeleton.js';
import { showEnforcement } from './enforcement-records.js';

const { h } = Ui;

export default {
  route: 'enforcement',
  nav: '逾期处置',
  title: '逾期处置',
  roles: ['ADMIN'],
  note: () => '草稿或被退回、且已过截止日期仍未完成备案的公众号，截止日期早的在前。',
  async load(ctx) {
    const [result, staff] = await Promise.all([
      Api.get('/api/console/admin/enforcement/overdue', { page: Number(ctx.params.page) || 1, size: PAGE_SIZE }),
      Api.get('/api/console/admin/staff').catch(() => []), // names of who recorded what; ids will do without
    ]);
    return { result, staffNames: Object.fromEntries(staff.map(s => [s.id, s.displayName || s.username])) };
  },
  render(container, { result, staffNames }) {
    const panel = h('div', { id: 'enforcement-panel' });
    const todayDate = Ui.today();
    container.append(
      ...pagedTable([
        { title: '公众号名称', render: r => h('a', { href: '#/filings/' + r.id, class: 'strong' }, Ui.text(r.accountName)) },
        { title: '主体名称', render: r => Ui.text(r.subjectName) },
        { title: '乡镇', render: r => Ui.text(r.township) },
        { title: '状态', render: r => Ui.statusBadge(r.status, r.statusLabel) },
        { title: '截止日期', render: r => Ui.date(r.dueOn) },
        { title: '逾期天数', render: r => overdueDays(r.dueOn, todayDate) },
        {
          title: '操作', render: r => h('button', {
            type: 'button', class: 'button small', 'data-enforce': r.id,
            onclick: event => {
              for (const row of container.querySelectorAll('tr.selected')) row.classList.remove('selected');
              event.currentTarget.closest('tr').classList.add('selected');
              showEnforcement(panel, r, staffNames);
            },
          }, '处置记录'),
        },
      ], result, { empty: '目前没有逾期未备案的公众号。', onPage: page => go('enforcement', { page }) }),
      panel);
  },
};

function overdueDays(dueOn, todayDate) {
  if (!dueOn) return '—';
  const days = Math.round((Date.parse(todayDate) - Date.parse(dueOn)) / 86400000);
  return days > 0 ? days + ' 天' : '—';
}
