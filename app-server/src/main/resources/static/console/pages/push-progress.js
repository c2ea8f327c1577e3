/* A push's delivery progress, as the list (a compact bar) and the detail page (per channel, live) show
 * it, and the failures grouped by error code. The numbers are the API's (PushView.progress):
 * inbox items and how many were read, and per WeChat channel the deliveries per status. */
import * as Ui from '../ui.js';
import { DELIVERY_ERRORS, Labels } from '../reference.js';

const { h, clear } = Ui;

/** The statuses of delivery rows as the pages group them, in the order the bars stack them. */
export const GROUPS = [
  { key: 'sent', label: '已发送', statuses: ['SENT', 'DELIVERED'] },
  { key: 'failed', label: '失败', statuses: ['FAILED'] },
  { key: 'unknown', label: '结果不明', statuses: ['UNKNOWN'] },
  { key: 'skipped', label: '跳过', statuses: ['SKIPPED'] },
  { key: 'cancelled', label: '已取消', statuses: ['CANCELLED'] },
  { key: 'queued', label: '排队中', statuses: ['QUEUED', 'SENDING'] },
];

const WECHAT_CHANNELS = ['SUBSCRIBE', 'TEMPLATE'];
/** A push that may still change: the detail page refreshes it. */
export const LIVE = ['SCHEDULED', 'SENDING'];

/** A channel's statuses ({SENT: 3, ...}) as {sent, failed, unknown, skipped, cancelled, queued, total}. */
export function channelCounts(statuses = {}) {
  const counts = { total: 0 };
  for (const group of GROUPS) {
    counts[group.key] = group.statuses.reduce((sum, status) => sum + Number(statuses[status] || 0), 0);
    counts.total += counts[group.key];
  }
  return counts;
}

/**
 * How far a push is: deliveries in all, still queued (or being sent), and the share finished. 100 % once
 * nothing is queued and the audience is all in rows (an inbox-only push: as soon as it is expanded).
 */
export function progressOf(push) {
  const byChannel = (push.progress && push.progress.byChannel) || {};
  let total = 0;
  let pending = 0;
  for (const channel of WECHAT_CHANNELS) {
    const counts = channelCounts(byChannel[channel]);
    total += counts.total;
    pending += counts.queued;
  }
  const started = !['DRAFT', 'AWAITING_APPROVAL'].includes(push.status) && (push.expanded || total > 0);
  let percent = 0;
  if (started && pending === 0 && (push.expanded || push.status === 'SENT')) percent = 100;
  else if (total > 0) percent = Math.min(99, Math.floor((total - pending) * 100 / total));
  return { total, pending, percent, started };
}

/** How many it goes to: known once the audience is in rows ("—" before, "n（统计中）" while that runs). */
export function recipientCount(push) {
  if (push.expanded) return String(push.recipients);
  return push.recipients > 0 ? push.recipients + '（统计中）' : '—';
}

/** The list's cell: a thin bar with the percentage, or what keeps the push from starting. */
export function compactProgress(push) {
  const { percent, started } = progressOf(push);
  if (!started) {
    const text = push.status === 'SCHEDULED' ? '未开始' : push.status === 'CANCELLED' ? '未发送' : '—';
    return h('span', { class: 'muted' }, text);
  }
  return h('span', { class: 'mini-progress', title: '已完成 ' + percent + '%' },
    h('span', { class: 'mini-track' }, h('span', { class: 'mini-fill' + (percent === 100 ? ' done' : ''), style: { width: percent + '%' } })),
    h('span', { class: 'mini-label' }, percent + '%'));
}

/** Which channels a push is followed on: those chosen, and any that has rows (a followers push: template). */
function channelsOf(push) {
  const byChannel = (push.progress && push.progress.byChannel) || {};
  return WECHAT_CHANNELS.filter(channel => (push.channels || []).includes(channel)
    || channelCounts(byChannel[channel]).total > 0 || (channel === 'TEMPLATE' && push.audience && push.audience.kind === 'FOLLOWERS'));
}

/** The detail page's 发送进度 section; update(push) redraws it with a fresh answer. */
export function progressPanel(push, onRefresh) {
  const body = h('div', { class: 'progress-body' });
  const refresh = h('button', { type: 'button', class: 'button small', id: 'push-progress-refresh', onclick: onRefresh }, '刷新');
  const stamp = h('span', { class: 'muted small-text', id: 'push-progress-time' });
  const element = h('section', { class: 'card', id: 'push-progress' },
    h('div', { class: 'card-title-row' }, h('h3', {}, '发送进度'), h('span', { class: 'button-row' }, stamp, refresh)),
    body);
  const update = current => {
    const { percent, pending, started } = progressOf(current);
    const live = LIVE.includes(current.status);
    const state = !started ? (current.status === 'CANCELLED' ? '未发送' : '尚未开始')
      : percent === 100 ? '已完成' : live ? '发送中' : '已停止';
    element.dataset.percent = percent;
    element.dataset.status = current.status;
    stamp.textContent = (live ? '每 2 秒自动刷新 · ' : '') + '更新于 ' + new Date().toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hourCycle: 'h23' });
    clear(body).append(
      h('div', { class: 'progress-row overall' },
        h('div', { class: 'progress', role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': percent },
          h('span', { class: 'progress-fill' + (percent === 100 ? ' done' : ''), style: { width: percent + '%' } })),
        h('span', { class: 'progress-label' }, h('span', { id: 'push-progress-state' }, state), ' ',
          h('span', { id: 'push-percent' }, percent + '%'))),
      h('p', { class: 'field-hint' }, hint(current, started, pending)),
      inboxRow(current.progress || {}),
      ...channelsOf(current).map(channel => channelRow(channel, channelCounts(((current.progress || {}).byChannel || {})[channel]))));
  };
  update(push);
  return { element, update };
}

function hint(push, started, pending) {
  if (!started && push.status === 'SCHEDULED') return `将于 ${Ui.dateTime(push.scheduledAt)}（北京时间）开始发送，发送前可以取消。`;
  if (pending > 0) return `还有 ${pending} 条微信消息排队或正在发送。`;
  return '完成比例按微信消息（订阅消息、模板消息）计算；收件箱消息在推送开始时即已送达。';
}

function legendItem(key, label, value) {
  return h('span', { class: 'legend-item', 'data-key': key },
    h('span', { class: 'swatch seg-' + key }), label + ' ', h('strong', { class: 'legend-value' }, String(value)));
}

function stackedBar(segments, total) {
  return h('div', { class: 'stack', role: 'img', 'aria-label': segments.map(([, label, value]) => label + ' ' + value).join('，') },
    segments.filter(([, , value]) => value > 0)
      .map(([key, label, value]) => h('span', { class: 'seg seg-' + key, title: label + ' ' + value, style: { width: (value / total * 100) + '%' } })));
}

function inboxRow(progress) {
  const delivered = Number(progress.inboxItems || 0);
  const read = Number(progress.read || 0);
  return h('div', { class: 'channel-progress', 'data-channel': 'INBOX' },
    h('div', { class: 'channel-name' }, Labels.channel.INBOX, h('small', { class: 'muted' }, '小程序')),
    stackedBar([['read', '已读', read], ['unread', '未读', delivered - read]], Math.max(1, delivered)),
    h('div', { class: 'legend' }, legendItem('delivered', '已送达', delivered), legendItem('read', '已读', read),
      legendItem('unread', '未读', delivered - read)));
}

function channelRow(channel, counts) {
  return h('div', { class: 'channel-progress', 'data-channel': channel },
    h('div', { class: 'channel-name' }, Labels.channel[channel], h('small', { class: 'muted' }, '共 ' + counts.total + ' 条')),
    stackedBar(GROUPS.map(group => [group.key, group.label, counts[group.key]]), Math.max(1, counts.total)),
    h('div', { class: 'legend' }, GROUPS.map(group => legendItem(group.key, group.label, counts[group.key]))));
}

/** 发送失败原因: failed (and unknown) deliveries grouped by channel and error code, most frequent first. */
export function failuresTable(failures) {
  return Ui.table([
    { title: '渠道', class: 'nowrap', render: f => Labels.channel[f.channel] || f.channel },
    { title: '错误码', class: 'nowrap', render: f => h('code', {}, f.errorCode || '—') },
    { title: '说明', render: f => DELIVERY_ERRORS[f.errorCode] || '微信返回的错误，见原因示例' },
    { title: '原因示例', render: f => h('span', { class: 'muted' }, Ui.text(f.example)) },
    { title: '数量', class: 'nowrap num', render: f => String(f.count) },
  ], failures || [], { empty: '没有发送失败的消息。' });
}
