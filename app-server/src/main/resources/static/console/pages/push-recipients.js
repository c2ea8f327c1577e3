/* 接收情况 on a push's detail page: who got it in their inbox and who has read it, keyset-paged by
 * operator id (the API's after/limit), and the unread list as a CSV download. */
import { Api } from '../api.js';
import * as Ui from '../ui.js';
import { PAGE_SIZE } from './skeleton.js';

const { h, clear } = Ui;

export function recipientsCard(push, ctx) {
  const path = '/api/console/pushes/' + push.id;
  const unread = h('input', { type: 'checkbox', id: 'recipients-unread' });
  const list = h('div', { id: 'push-recipients' });
  // the cursor of each page shown so far, so 上一页 can go back
  const cursors = [0];

  const load = async () => {
    const after = cursors[cursors.length - 1];
    clear(list).appendChild(h('p', { class: 'loading' }, '正在加载…'));
    try {
      const rows = await Api.get(path + '/recipients', { unread: unread.checked ? 'true' : '', after, limit: PAGE_SIZE });
      if (!ctx.isCurrent()) return;
      clear(list).append(
        Ui.table([
          { title: '运营者编号', class: 'nowrap', render: r => '#' + r.operatorId },
          { title: '送达收件箱', class: 'nowrap', render: r => Ui.dateTime(r.deliveredAt) },
          {
            title: '阅读情况',
            render: r => (r.readAt ? [h('span', { class: 'badge badge-sent' }, '已读'), Ui.dateTime(r.readAt)]
              : h('span', { class: 'badge badge-unread' }, '未读')),
          },
        ], rows.map(r => Object.assign({ id: r.operatorId }, r)), { empty: unread.checked ? '没有未读的接收人。' : '尚无接收人。' }),
        h('div', { class: 'pager' },
          h('span', { class: 'pager-info' }, `第 ${cursors.length} 页`),
          h('button', {
            type: 'button', class: 'button', id: 'recipients-previous', disabled: cursors.length === 1,
            onclick: () => { cursors.pop(); load(); },
          }, '上一页'),
          h('button', {
            type: 'button', class: 'button', id: 'recipients-next', disabled: rows.length < PAGE_SIZE,
            onclick: () => { cursors.push(rows[rows.length - 1].operatorId); load(); },
          }, '下一页')));
    } catch (error) {
      Ui.showError(clear(list), error);
    }
  };
  unread.addEventListener('change', () => {
    cursors.length = 1;
    load();
  });
  load();

  const element = h('section', { class: 'card', id: 'push-recipients-card' },
    h('div', { class: 'card-title-row' },
      h('h3', {}, '接收情况'),
      h('span', { class: 'button-row' },
        h('label', { class: 'check' }, unread, '只看未读'),
        // a plain link: the session cookie goes with it, the server answers with an attachment
        h('a', { class: 'button small', id: 'push-unread-export', href: path + '/unread.csv', download: `push-${push.id}-unread.csv` },
          '导出未读名单'))),
    h('p', { class: 'field-hint' }, '按运营者编号排列；未读名单为 CSV 文件（运营者编号、送达时间），可用 Excel 打开，便于电话提醒。'),
    list);
  return {
    element,
    /** Reads the current page again (after a refresh of the progress: more may have arrived or read it). */
    reload: () => load(),
  };
}
