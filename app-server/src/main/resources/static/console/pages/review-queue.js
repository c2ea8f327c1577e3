/* 待审核: submitted filings, oldest first, each opening the filing detail to approve or reject. 仅看材料不符
 * narrows the list to filings where the automatic check of the materials found a mismatch with the form;
 * like the page number it lives in the URL (#/review?mismatch=true), so the back button returns to it. The city
 * office's drill-down from the dashboard (#/review?county=411421) is kept the same way (the server checks it), and
 * the city office picks a county above the list. */
import { Api } from '../api.js';
import * as Ui from '../ui.js';
import { Labels, counties } from '../reference.js';
import { go } from '../router.js';
import { currentUser } from '../session.js';
import { PAGE_SIZE, pagedTable } from './skeleton.js';

const { h } = Ui;

export default {
  route: 'review',
  nav: '待审核',
  title: '待审核',
  roles: ['REVIEWER'],
  note: () => '先提交的排在前面，请按顺序审核。',
  async load(ctx) {
    const citywide = !!(currentUser() && currentUser().citywide);
    const [result, countyList] = await Promise.all([Api.get('/api/console/review/queue', {
      mismatch: onlyMismatches(ctx.params) ? 'true' : '', county: ctx.params.county, page: Number(ctx.params.page) || 1, size: PAGE_SIZE,
    }), citywide ? counties().catch(() => []) : []]);
    return { result, countyList };
  },
  render(container, { result, countyList }, ctx) {
    const mismatch = onlyMismatches(ctx.params);
    const county = ctx.params.county;
    const open = changes => go('review', Object.assign({ mismatch: mismatch ? 'true' : '', county, page: 1 }, changes));
    // Ui.append leaves out the county note when there is none (the DOM's append would write "null")
    Ui.append(container, [
      filters(mismatch, open, countyList, county),
      county && !countyList.length ? h('p', { class: 'filter-note', id: 'queue-county-note' }, '仅显示从概览选定的县（区）的待审核备案。',
        h('button', { type: 'button', class: 'link-button', onclick: () => open({ county: '' }) }, '取消此条件')) : null,
      ...pagedTable([
        { title: '提交时间', render: r => Ui.dateTime(r.submittedAt) },
        {
          title: '公众号名称', render: r => [
            h('a', { href: '#/filings/' + r.id, class: 'strong' }, Ui.text(r.accountName)),
            r.materialMismatch ? [' ', h('span', { class: 'badge badge-material-mismatch', title: '自动核对发现材料与填写内容不一致' }, '材料不符')] : null,
          ],
        },
        { title: '微信号', render: r => Ui.text(r.wechatId) },
        { title: '主体名称', render: r => Ui.text(r.subjectName) },
        { title: '类型', render: r => Labels.formTypeShort[r.formType] || r.formType },
        { title: '乡镇', render: r => Ui.text(r.township) },
        { title: '截止日期', render: r => Ui.date(r.dueOn) },
        { title: '操作', render: r => h('a', { class: 'button small primary', href: '#/filings/' + r.id }, '审核') },
      ], result, {
        empty: mismatch ? '没有材料不符的待审核备案。' : '没有待审核的备案。',
        rowClass: r => (r.materialMismatch ? 'material-mismatch' : null),
        onPage: page => open({ page }),
      })]);
  },
};

function onlyMismatches(params) {
  return params.mismatch === 'true';
}

/** A checkbox (and the city office's county), applied at once (a 查询 button for a switch would be one click too many). */
function filters(mismatch, open, countyList, county) {
  const box = h('input', {
    type: 'checkbox', id: 'filter-mismatch', checked: mismatch,
    onchange: event => open({ mismatch: event.currentTarget.checked ? 'true' : '' }),
  });
  const picker = countyList.length ? Ui.select('county', [['', '全市'], ...countyList.map(c => [c.code, c.name])], county || '',
    { id: 'queue-county', 'aria-label': '县（区）', onchange: event => open({ county: event.currentTarget.value }) }) : null;
  return h('div', { class: 'queue-filters' }, picker,
    h('label', { class: 'check' }, box, '仅看材料不符'),
    h('span', { class: 'muted' }, '只显示自动核对发现证照照片与填写内容不一致的备案'));
}
