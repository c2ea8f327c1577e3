/* 推送详情 (#/push/{id}): the content, audience and channels in words, the actions its status allows
 * (编辑, 复核通过, 取消), and — once it is on its way — the live progress (refreshed every 2 s while the
 * push waits or sends), the failures by error code and the recipients with the unread export. */
import { Api } from '../api.js';
import * as Ui from '../ui.js';
import { Labels, counties } from '../reference.js';
import { richText } from '../rich-text.js';
import { go, href } from '../router.js';
import { card, leaveNotice, messageBox, onClick, showNotice } from './skeleton.js';
import { LIVE, failuresTable, progressPanel, recipientCount } from './push-progress.js';
import { recipientsCard } from './push-recipients.js';
import { pushStatus } from './pushes.js';

const { h, clear } = Ui;

const REFRESH_MS = 2000;

export default {
  route: 'push',
  roles: ['PUBLISHER'],
  keepNav: 'pushes',
  // no title: the header is the push's own
  async load(ctx) {
    const push = await Api.get('/api/console/pushes/' + encodeURIComponent(ctx.args[0]));
    // the names of the counties a city push addresses (codes if the list cannot be had)
    const named = push.audience && push.audience.counties && push.audience.counties.length;
    const list = named ? await counties().catch(() => []) : [];
    return { push, countyNames: Object.fromEntries(list.map(county => [county.code, county.name])) };
  },
  render(container, { push, countyNames }, ctx) {
    const box = messageBox('push-message');
    showNotice(box);
    const header = h('div', { class: 'page-header' });
    const actions = h('div', { class: 'button-row', id: 'push-actions' });
    const facts = h('div');
    const drawHeader = current => {
      clear(header).append(
        h('div', {},
          h('p', { class: 'crumbs' }, h('a', { href: href('pushes') }, '← 政策推送')),
          h('h2', { id: 'push-title' }, Ui.text(current.title), pushStatus(current))),
        actions);
      clear(actions).append(...actionButtons(current, box));
      clear(facts).appendChild(settings(current, countyNames));
    };
    drawHeader(push);
    const started = !['DRAFT', 'AWAITING_APPROVAL'].includes(push.status);
    const failures = h('div', { id: 'push-failures' }, failuresTable(push.failures));
    let status = push.status;
    let timer = null;
    let loading = false;
    // one chain of refreshes: every 2 s while the push may change, and whenever 刷新 is clicked
    const refresh = async manual => {
      clearTimeout(timer);
      if (loading || !ctx.isCurrent() || !header.isConnected) return;
      loading = true;
      let delay = REFRESH_MS;
      try {
        const current = await Api.get('/api/console/pushes/' + push.id);
        if (!ctx.isCurrent() || !header.isConnected) return;
        progress.update(current);
        clear(failures).appendChild(failuresTable(current.failures));
        if (current.status !== status) drawHeader(current);
        if (recipients && (manual || current.status !== status)) recipients.reload();
        status = current.status;
      } catch (error) {
        Ui.showError(box, error);
        delay = REFRESH_MS * 3;
      } finally {
        loading = false;
      }
      if (LIVE.includes(status) && header.isConnected) timer = setTimeout(refresh, delay);
    };
    const progress = progressPanel(push, () => refresh(true));
    const recipients = started ? recipientsCard(push, ctx) : null;
    container.append(header, box,
      h('div', { class: 'detail-grid' },
        h('div', { class: 'detail-main' },
          started ? [progress.element, card('发送失败原因（按错误码）', failures)] : null,
          card('内容', content(push)),
          recipients ? recipients.element : null),
        h('aside', { class: 'detail-side' }, card('推送设置', facts))));
    if (LIVE.includes(push.status)) timer = setTimeout(refresh, REFRESH_MS);
  },
};

function actionButtons(push, box) {
  const reload = () => go('push/' + push.id);
  const buttons = [];
  if (push.status === 'DRAFT') {
    buttons.push(h('a', { class: 'button primary', href: href('push-edit/' + push.id), id: 'push-edit' }, '编辑'));
  }
  if (push.status === 'AWAITING_APPROVAL') {
    buttons.push(onClick(h('button', { type: 'button', class: 'button primary', id: 'push-approve' }, '复核通过'), box, async () => {
      await Api.post('/api/console/pushes/' + push.id + '/approve');
      leaveNotice('已复核通过，推送将按时发送。');
      reload();
    }));
  }
  if (!['SENT', 'CANCELLED'].includes(push.status)) {
    const confirm = h('span', { class: 'confirm-row', hidden: true },
      push.status === 'SENDING' ? '尚未发出的消息将不再发送，已送达收件箱的保留。' : '取消后此推送不再发送。',
      onClick(h('button', { type: 'button', class: 'button danger', id: 'push-cancel-confirm' }, '确认取消'), box, async () => {
        await Api.post('/api/console/pushes/' + push.id + '/cancel');
        leaveNotice('已取消推送。');
        reload();
      }),
      h('button', { type: 'button', class: 'button', onclick: () => { confirm.hidden = true; } }, '不取消'));
    buttons.push(h('button', { type: 'button', class: 'button', id: 'push-cancel', onclick: () => { confirm.hidden = false; } }, '取消推送'),
      confirm);
  }
  return buttons;
}

/** The audience in words; countyNames: code → name of the counties a city push addresses (else their codes show). */
export function audienceText(audience, countyNames = {}) {
  if (!audience) return '—';
  const addressed = audience.counties || [];
  if (addressed.length && (audience.kind === 'APPROVED' || audience.kind === 'FILTERED')) {
    const where = '县（区）：' + addressed.map(code => countyNames[code] || code).join('、');
    return audienceText({ ...audience, counties: [] }) + '；' + where;
  }
  if (audience.kind === 'FILTERED') {
    const parts = [
      audience.formType ? Labels.formType[audience.formType] : null,
      audience.township ? '乡镇：' + audience.township : null,
      audience.status ? '备案状态：' + (Labels.status[audience.status] || audience.status) : null,
      audience.overdue ? '仅逾期' : null,
    ].filter(Boolean);
    return '有备案且符合条件的运营者' + (parts.length ? '（' + parts.join('；') + '）' : '（不限条件）');
  }
  if (audience.kind === 'LISTED') {
    const ids = audience.operatorIds || [];
    return `指定的 ${ids.length} 位运营者：` + ids.slice(0, 30).map(id => '#' + id).join('、') + (ids.length > 30 ? ' 等' : '');
  }
  if (audience.kind === 'FOLLOWERS') return '全部公众号关注者（模板消息；已关联小程序的同时收到收件箱消息）';
  return Labels.audienceKind[audience.kind] || audience.kind;
}

function channelsText(push) {
  if (push.audience && push.audience.kind === 'FOLLOWERS') return '模板消息、收件箱';
  return ['收件箱', ...(push.channels || []).map(channel => Labels.channel[channel] || channel)].join('、');
}

function settings(push, countyNames) {
  const rows = [
    ['状态', pushStatus(push)],
    ['推送对象', audienceText(push.audience, countyNames)],
    ['渠道', channelsText(push)],
    ['定时发送', push.scheduledAt && !push.publishedAt ? Ui.dateTime(push.scheduledAt) : null],
    ['发送时间', push.publishedAt ? Ui.dateTime(push.publishedAt) : null],
    ['取消时间', push.cancelledAt ? Ui.dateTime(push.cancelledAt) : null],
    ['接收人数', recipientCount(push)],
    ['撰写人', push.createdBy ? '工作人员 #' + push.createdBy : null],
    ['复核人', push.approvedBy ? '工作人员 #' + push.approvedBy : null],
    ['编号', '#' + push.id],
  ].filter(([, value]) => value !== null && value !== undefined);
  return h('dl', { class: 'facts', id: 'push-facts' }, rows.map(([label, value]) => [h('dt', {}, label),
    h('dd', {}, value instanceof Node ? value : String(value))]));
}

function content(push) {
  const attachments = push.attachments || [];
  return [
    h('p', { class: 'push-summary' }, h('span', { class: 'muted' }, '摘要：'), Ui.text(push.summary)),
    h('div', { class: 'rich-body', id: 'push-body' }, richText(push.bodyHtml)),
    attachments.length ? h('div', { class: 'attachment-list' }, h('span', { class: 'muted' }, '附件：'),
      attachments.map(a => h('span', { class: 'attachment-chip' }, a.fileName, h('small', { class: 'muted' }, ' ' + Ui.fileSize(a.sizeBytes)))))
      : null,
  ];
}
