/* 概览: the latest unread overdue digest (if any), counts by status with links into the lists, and bar
 * charts by status, township and subject type. The city office also sees 各县（区）情况, a row per county whose
 * name opens that county's dashboard (#/dashboard?county=411421, 返回全市 goes back); a county office sees its own
 * county's figures only (the server narrows them) and no table. */
import { Api } from '../api.js';
import * as Ui from '../ui.js';
import { Labels } from '../reference.js';
import { href } from '../router.js';
import { currentUser, hasRole } from '../session.js';
import { card, messageBox, pageHeader } from './skeleton.js';
import { digestCard, showUnread } from './notifications.js';

const { h } = Ui;

const STATUS_TONES = { 待审核: 'info', 已备案: 'ok', 已退回: 'warn', 已撤销: 'muted', 草稿: 'neutral' };

export default {
  route: 'dashboard',
  nav: '概览',
  // no title: the header names the county when the city office has drilled down to one
  roles: ['REVIEWER', 'ADMIN'],
  async load(ctx) {
    const county = ctx.params.county || '';
    // the digest is an extra: the counts show even if the notifications cannot be loaded
    const [stats, notifications] = await Promise.all([
      Api.get('/api/console/dashboard', { county }),
      Api.get('/api/console/notifications').then(showUnread, () => null),
    ]);
    return { stats, notifications, county };
  },
  render(container, { stats, notifications, county }) {
    const byStatus = stats.byStatus || {};
    const citywide = !!(currentUser() && currentUser().citywide);
    // the city office looking at one county: the lists the tiles open are narrowed to it too
    const drilled = citywide && county ? { county } : {};
    // a reviewer's pending count opens their queue; anyone else sees the pending filings in the registry
    const reviewQueue = hasRole('REVIEWER');
    // Ui.append skips the digest when there is none (the DOM's append would write "null")
    Ui.append(container, [
      header(stats, drilled.county),
      drilled.county ? null : latestUnreadDigest(notifications),
      h('div', { class: 'stats' },
        tile('备案总数', stats.total, 'neutral', 'registry', { ...drilled }),
        tile('待审核', byStatus.SUBMITTED, 'info', reviewQueue ? 'review' : 'registry', reviewQueue ? { ...drilled } : { status: 'SUBMITTED', ...drilled }),
        tile('已备案', byStatus.APPROVED, 'ok', 'registry', { status: 'APPROVED', ...drilled }),
        tile('已退回', byStatus.REJECTED, 'warn', 'registry', { status: 'REJECTED', ...drilled }),
        tile('逾期未备案', stats.overdue, 'danger', 'registry', { overdue: 'true', ...drilled }),
        tile('待收纸质材料', stats.awaitingPaper, 'warn', null)),
      citywide && !drilled.county ? countyTable(stats.byCounty || []) : null,
      h('div', { class: 'charts' },
        Ui.barChart('按状态', Object.keys(Labels.status).map(s => [Labels.status[s], byStatus[s] || 0]), {
          tone: label => STATUS_TONES[label] || 'neutral',
        }),
        Ui.barChart('按乡镇（办事处）', sortedEntries(stats.byTownship)),
        Ui.barChart('按主体类型', sortedEntries(stats.bySubjectType).map(([key, n]) => [Labels.subjectType[key] || key, n])))]);
  },
};

/** 概览, or 概览 · 民权县 with 返回全市 when the city office looks at one county; the time the figures were read. */
function header(stats, county) {
  const row = county ? (stats.byCounty || []).find(c => c.countyCode === county) : null;
  const title = county ? '概览 · ' + (row ? row.countyName : county) : '概览';
  const asOf = h('span', { class: 'muted' }, '数据截至 ' + Ui.dateTime(new Date().toISOString()));
  return pageHeader(title, county
    ? h('div', { class: 'button-row' }, asOf, h('a', { href: href('dashboard'), id: 'dashboard-citywide', class: 'button small' }, '返回全市'))
    : asOf);
}

/** 各县（区）情况: a row per county of the city; a county's name opens its own dashboard. */
function countyTable(counties) {
  const section = card('各县（区）情况', Ui.table([
    {
      title: '县（区）',
      render: c => h('a', { href: href('dashboard', { county: c.countyCode }), class: 'strong', 'data-county': c.countyCode }, c.countyName),
    },
    { title: '备案总数', class: 'number', render: c => String(c.total) },
    { title: '待审核', class: 'number', render: c => String(c.submitted) },
    { title: '已备案', class: 'number', render: c => String(c.approved) },
    { title: '逾期未备案', class: 'number', render: c => String(c.overdue) },
  ], counties, { empty: '暂无县（区）' }));
  section.id = 'dashboard-counties';
  return section;
}

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
