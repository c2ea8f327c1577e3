/* 概览: the latest unread overdue digest (if any), counts by status with links into the lists, and bar
 * charts by status, township and subject type. */
import { Api } from '../api.js';
import * as Ui from '../ui.js';
import { Labels } from '../reference.js';
import { href } from '../router.js';
import { hasRole } from '../session.js';
import { messageBox } from './skeleton.js';
import { digestCard, showUnread } from './notifications.js';

const { h } = Ui;

const STATUS_TONES = { 待审核: 'info', 已备案: 'ok', 已退回: 'warn', 已撤销: 'muted', 草稿: 'neutral' };

export default {
  route: 'dashboard',
  nav: '概览',
  title: '概览',
  roles: ['REVIEWER', 'ADMIN'],
  note: () => '数据截至 ' + Ui.dateTime(new Date().toISOString()),
  async load() {
    // the digest is an extra: the counts show even if the notifications cannot be loaded
    const [stats, notifications] = await Promise.all([
      Api.get('/api/console/dashboard'),
      Api.get('/api/console/notifications').then(showUnread, () => null),
    ]);
    return { stats, notifications };
  },
  render(container, { stats, notifications }) {
    const byStatus = stats.byStatus || {};
    // a reviewer's pending count opens their queue; anyone else sees the pending filings in the registry
    const reviewer = hasRole('REVIEWER');
    // Ui.append skips the digest when there is none (the DOM's append would write "null")
    Ui.append(container, [
      latestUnreadDigest(notifications),
      h('div', { class: 'stats' },
        tile('备案总数', stats.total, 'neutral', 'registry', {}),
        tile('待审核', byStatus.SUBMITTED, 'info', reviewer ? 'review' : 'registry', reviewer ? {} : { status: 'SUBMITTED' }),
        tile('已备案', byStatus.APPROVED, 'ok', 'registry', { status: 'APPROVED' }),
        tile('已退回', byStatus.REJECTED, 'warn', 'registry', { status: 'REJECTED' }),
        tile('逾期未备案', stats.overdue, 'danger', 'registry', { overdue: 'true' }),
        tile('待收纸质材料', stats.awaitingPaper, 'warn', null)),
      h('div', { class: 'charts' },
        Ui.barChart('按状态', Object.keys(Labels.status).map(s => [Labels.status[s], byStatus[s] || 0]), {
          tone: label => STATUS_TONES[label] || 'neutral',
        }),
        Ui.barChart('按乡镇（办事处）', sortedEntries(stats.byTownship)),
        Ui.barChart('按主体类型', sortedEntries(stats.bySubjectType).map(([key, n]) => [Labels.subjectType[key] || key, n])))]);
  },
};

/** The newest digest the user has not read, with 标为已读 (which removes it) and a link to all notifications. */
function latestUnreadDigest(notifications) {
  const unread = ((notifications && notifications.items) || []).find(item => !item.readAt);
  if (!unread) return null;
  const box = messageBox('dashboard-digest-message');
  const wrapper = h('div', { id: 'dashboard-digest' }, box);
  wrapper.append(digestCard(unread, box, {
    extra: h('p', {}, h('a', { href: href('notifications') }, notifications.unread > 1 ? `查看全部 ${notifications.unread} 条未读通知` : '查看全部通知')),
    onRead: () => wrapper.remove(),
  }));
  return wrapper;
}

function tile(label, value, tone, route, params) {
  return h(route ? 'a' : 'div', { class: 'stat tone-' + tone, href: route ? href(route, params) : null, 'data-stat': label },
    h('span', { class: 'stat-value' }, String(value ?? 0)), h('span', { class: 'stat-label' }, label));
}

/** Largest first, then by name. */
function sortedEntries(map) {
  return Object.entries(map || {}).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh-CN'));
}
