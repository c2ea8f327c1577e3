/* 待审核: submitted filings, oldest first, each opening the filing detail to approve or reject. */
import { Api } from '../api.js';
import * as Ui from '../ui.js';
import { Labels } from '../reference.js';
import { go } from '../router.js';
import { PAGE_SIZE, pagedTable } from './skeleton.js';

const { h } = Ui;

export default {
  route: 'review',
  nav: '待审核',
  title: '待审核',
  roles: ['REVIEWER'],
  note: () => '先提交的排在前面，请按顺序审核。',
  load: ctx => Api.get('/api/console/review/queue', { page: Number(ctx.params.page) || 1, size: PAGE_SIZE }),
  render(container, result) {
    container.append(...pagedTable([
      { title: '提交时间', render: r => Ui.dateTime(r.submittedAt) },
      { title: '公众号名称', render: r => h('a', { href: '#/filings/' + r.id, class: 'strong' }, Ui.text(r.accountName)) },
      { title: '微信号', render: r => Ui.text(r.wechatId) },
      { title: '主体名称', render: r => Ui.text(r.subjectName) },
      { title: '类型', render: r => Labels.formTypeShort[r.formType] || r.formType },
      { title: '乡镇', render: r => Ui.text(r.township) },
      { title: '截止日期', render: r => Ui.date(r.dueOn) },
      { title: '操作', render: r => h('a', { class: 'button small primary', href: '#/filings/' + r.id }, '审核') },
    ], result, { empty: '没有待审核的备案。', onPage: page => go('review', { page }) }));
  },
};
