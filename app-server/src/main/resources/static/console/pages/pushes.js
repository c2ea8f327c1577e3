/* 政策推送: every push, newest first, with its status, time, recipients and a compact progress bar.
 * While a push is waiting or sending, the table refreshes itself every few seconds. */
import { Api } from '../api.js';
import * as Ui from '../ui.js';
import { Labels } from '../reference.js';
import { go, href } from '../router.js';
import { PAGE_SIZE, messageBox, pageHeader, showNotice } from './skeleton.js';
import { LIVE, compactProgress, recipientCount } from './push-progress.js';

const { h } = Ui;

const REFRESH_MS = 3000;

export default {
  route: 'pushes',
  nav: '政策推送',
  roles: ['PUBLISHER'],
  // no title: the header carries the 新建推送 button
  load: ctx => Api.get('/api/console/pushes', { page: pageOf(ctx), size: PAGE_SIZE }),
  render(container, list, ctx) {
    const box = messageBox('pushes-message');
    showNotice(box);
    const page = pageOf(ctx);
    let table = pushTable(list);
    container.append(
      pageHeader('政策推送', h('span', { class: 'muted' }, '最新的在前；时间为北京时间'),
        h('a', { class: 'button primary header-button', href: href('push-edit'), id: 'push-new' }, '＋ 新建推送')),
      box, table, pager(page, list.length));
    const refresh = async () => {
      if (!ctx.isCurrent() || !table.isConnected) return;
      try {
        const fresh = await Api.get('/api/console/pushes', { page, size: PAGE_SIZE });
        if (!ctx.isCurrent() || !table.isConnected) return;
        const next = pushTable(fresh);
        table.replaceWith(next);
        table = next;
        if (fresh.some(push => LIVE.includes(push.status))) setTimeout(refresh, REFRESH_MS);
      } catch (error) {
        Ui.showError(box, error);
      }
    };
    if (list.some(push => LIVE.includes(push.status))) setTimeout(refresh, REFRESH_MS);
  },
};

function pageOf(ctx) {
  return Math.max(1, Number(ctx.params.page) || 1);
}

/** When it went, or is to go: the publication time once sent, the time set while it waits. */
export function sendTime(push) {
  if (push.publishedAt) return Ui.dateTime(push.publishedAt);
  if (push.scheduledAt && (push.status === 'SCHEDULED' || push.status === 'AWAITING_APPROVAL')) {
    return h('span', {}, h('span', { class: 'badge badge-scheduled' }, '定时'), Ui.dateTime(push.scheduledAt));
  }
  return '—';
}

export function pushStatus(push) {
  return Ui.statusBadge(push.status, Labels.pushStatus[push.status]);
}

function pushTable(list) {
  return Ui.table([
    {
      title: '标题', class: 'title-cell',
      render: p => h('a', { href: href('push/' + p.id), class: 'strong', 'data-push': p.id }, Ui.text(p.title)),
    },
    { title: '状态', class: 'nowrap', render: pushStatus },
    { title: '发送时间', class: 'nowrap', render: sendTime },
    { title: '推送对象', render: p => Labels.audienceKind[p.audience && p.audience.kind] || '—' },
    { title: '接收人数', class: 'nowrap num', render: recipientCount },
    { title: '发送进度', class: 'nowrap', render: compactProgress },
    {
      title: '已读', class: 'nowrap num',
      render: p => (p.progress && p.progress.inboxItems ? `${p.progress.read} / ${p.progress.inboxItems}` : '—'),
    },
  ], list, { empty: '还没有政策推送。点击“新建推送”撰写第一条。' });
}

/** The API pages without a total: the next page exists while a page is full. */
function pager(page, count) {
  return h('div', { class: 'pager' },
    h('span', { class: 'pager-info' }, `第 ${page} 页`),
    h('button', { type: 'button', class: 'button', disabled: page <= 1, onclick: () => go('pushes', { page: page - 1 }) }, '上一页'),
    h('button', { type: 'button', class: 'button', disabled: count < PAGE_SIZE, onclick: () => go('pushes', { page: page + 1 }) }, '下一页'));
}
