/* 提醒与通知记录 on the filing detail: every reminder and review-result notice of the filing, newest
 * first, with what became of it — each WeChat channel's send and whether the operator read the inbox item. */
import * as Ui from '../ui.js';
import { DELIVERY_ERRORS } from '../reference.js';
import { card } from './skeleton.js';

const { h } = Ui;

/** notices: the answer of GET /api/console/registry/{id}/notices (null: it could not be loaded). */
export function noticeHistory(notices, loadError) {
  const body = loadError
    ? Ui.message('error', '提醒与通知记录加载失败：' + loadError.message)
    : Ui.table([
      { title: '时间', class: 'nowrap', render: n => [Ui.dateTime(n.sentAt || n.sendAt || n.createdAt), when(n)] },
      { title: '类型', class: 'nowrap', render: n => [h('div', {}, Ui.text(n.kindLabel)), h('div', { class: 'muted' }, Ui.text(n.ruleLabel))] },
      { title: '内容', render: n => [h('div', { class: 'strong' }, Ui.text(n.title)), n.body ? h('div', { class: 'notice-body muted' }, n.body) : null] },
      { title: '状态', class: 'nowrap', render: n => Ui.statusBadge(n.status, n.statusLabel) },
      { title: '发送渠道', render: n => channels(n.channels || [], n.inboxAt) },
      { title: '阅读', class: 'nowrap', render: readState },
    ], notices || [], { empty: '暂无提醒或通知' });
  return h('div', { id: 'notice-history' }, card('提醒与通知记录', body));
}

/** Which time the first column shows, when it is not the time it went out. */
function when(notice) {
  if (notice.sentAt) return null;
  if (notice.cancelledAt) return h('div', { class: 'muted' }, '已于 ' + Ui.dateTime(notice.cancelledAt) + ' 取消');
  if (notice.sendAt) return h('div', { class: 'muted' }, '计划发送');
  return null;
}

/** Each WeChat send; the inbox item is in the 阅读 column. */
function channels(list, inboxAt) {
  if (!list.length) return h('span', { class: 'muted' }, inboxAt ? '仅收件箱' : '—');
  return h('ul', { class: 'notice-channels' }, list.map(c => h('li', {},
    Ui.text(c.channelLabel || c.channel), '：', Ui.statusBadge(c.status, c.statusLabel),
    c.errorCode ? h('span', { class: 'muted', title: DELIVERY_ERRORS[c.errorCode] || '' },
      '错误 ' + c.errorCode + (DELIVERY_ERRORS[c.errorCode] ? '（' + DELIVERY_ERRORS[c.errorCode] + '）' : '')) : null)));
}

function readState(notice) {
  if (notice.readAt) return [Ui.statusBadge('read', '已读'), h('div', { class: 'muted' }, Ui.dateTime(notice.readAt))];
  if (notice.inboxAt) return Ui.statusBadge('unread', '未读');
  return h('span', { class: 'muted', title: '尚未送达收件箱' }, '—');
}
