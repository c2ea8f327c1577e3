/* 通知 (#/notifications, every signed-in staff member): the daily overdue digests, newest first, each
 * with 标为已读. Also the unread count on the top bar's 通知 link (refreshUnread(), called by the shell
 * at sign-in, and by this page and the dashboard whenever they load the list). */
import { Api } from '../api.js';
import * as Ui from '../ui.js';
import { messageBox, onClick } from './skeleton.js';

const { h, clear } = Ui;

const PATH = '/api/console/notifications';

export default {
  route: 'notifications',
  title: '通知',
  note: () => '逾期日报：每天早上汇总前一天新增的逾期未备案公众号（最近30份）',
  roles: null,
  load: () => Api.get(PATH).then(showUnread),
  render(container, answer) {
    const box = messageBox('notification-message');
    const list = answer.items || [];
    container.append(box, list.length
      ? h('div', { class: 'notification-list' }, list.map(item => digestCard(item, box)))
      : h('section', { class: 'card' }, h('p', { class: 'muted empty-note', id: 'notifications-empty' }, '暂无通知')));
  },
};

const REFRESH_AFTER_MS = 60 * 1000;
let shownAt = 0;

/** The answer's unread count on the top bar's badge (none: no badge, as after signing out); returns the answer. */
export function showUnread(answer) {
  shownAt = answer ? Date.now() : 0;
  const badge = document.getElementById('notification-count');
  if (badge) {
    const unread = (answer && answer.unread) || 0;
    badge.textContent = unread > 99 ? '99+' : String(unread);
    badge.hidden = unread === 0;
    badge.title = unread ? unread + ' 条未读通知' : '';
  }
  return answer;
}

/** Asks the server for the count again; a failure leaves the badge as it was (the pages show their own errors). */
export function refreshUnread() {
  return Api.get(PATH).then(showUnread, () => null);
}

/** refreshUnread() unless the count is less than a minute old (the shell calls this on every page change). */
export function refreshUnreadIfStale() {
  return Date.now() - shownAt > REFRESH_AFTER_MS ? refreshUnread() : Promise.resolve(null);
}

/** One digest: title, when it went out, the days it covers, its text and the read state. */
export function digestCard(item, box, options = {}) {
  const state = h('span', { class: 'notification-state' });
  const section = h('section', { class: 'card notification', 'data-notification': item.id },
    h('div', { class: 'notification-head' },
      h('h3', {}, Ui.text(item.title)), state),
    h('p', { class: 'muted notification-meta' },
      '发送时间：' + Ui.dateTime(item.sentAt), '　统计范围：', coverage(item), '　新增逾期：' + item.overdueCount + ' 个'),
    h('div', { class: 'notification-body' }, Ui.text(item.body)),
    options.extra);
  const markRead = h('button', { type: 'button', class: 'button small', 'data-read': item.id }, '标为已读');
  const showState = () => {
    Ui.append(clear(state), item.readAt
      ? [Ui.statusBadge('read', '已读'), h('span', { class: 'muted' }, Ui.dateTime(item.readAt))]
      : [Ui.statusBadge('unread', '未读'), markRead]);
    section.classList.toggle('unread', !item.readAt);
  };
  onClick(markRead, box, async () => {
    await Api.post(PATH + '/' + item.id + '/read');
    item.readAt = new Date().toISOString();
    showState();
    await refreshUnread();
    if (options.onRead) options.onRead();
  });
  showState();
  return section;
}

function coverage(item) {
  if (!item.coversFrom) return '—';
  return item.coversFrom === item.coversTo ? Ui.date(item.coversFrom) : Ui.date(item.coversFrom) + ' 至 ' + Ui.date(item.coversTo);
}
