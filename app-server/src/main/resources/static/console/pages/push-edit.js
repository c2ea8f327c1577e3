/* 新建推送 / 编辑推送 (#/push-edit, #/push-edit/{id}; drafts only): title, summary, rich-text body,
 * audience, channels, attachments (once saved), test send, and sending now or at a set time. Sending
 * and test sending save the draft first if it changed. The API's field errors show at the fields. */
import { Api } from '../api.js';
import * as Ui from '../ui.js';
import { Labels, counties, townships } from '../reference.js';
import { richEditor } from '../rich-text.js';
import { go, href } from '../router.js';
import { card, clearFieldErrors, leaveNotice, messageBox, onClick, pageHeader, placeFieldErrors, showNotice } from './skeleton.js';
import { currentUser } from '../session.js';
import { audienceFields, channelFields, named } from './push-audience.js';
import { attachmentsCard } from './push-attachments.js';
import { publishedNotice, scheduleFields, testSendField } from './push-send.js';

const { h, field, group } = Ui;

/** Inputs that are not part of the draft: changing them does not make it unsaved. */
const NOT_DRAFT = ['push-attachment-file', 'push-test-ids', 'push-send-at', 'push-when-now', 'push-when-later'];

/** Error codes that belong to one field of the form. */
const CODE_FIELDS = { AUDIENCE_EMPTY: 'audience.operatorIds', SEND_AT_TOO_FAR: 'sendAt', TEST_RECIPIENTS_INVALID: 'operatorIds' };

export default {
  route: 'push-edit',
  roles: ['PUBLISHER'],
  keepNav: 'pushes',
  async load(ctx) {
    const id = ctx.args[0];
    const citywide = !!(currentUser() && currentUser().citywide);
    const [push, names, countyList] = await Promise.all([
      id ? Api.get('/api/console/pushes/' + encodeURIComponent(id)) : null,
      townships().catch(() => []),
      citywide ? counties().catch(() => []) : [],
    ]);
    return { push, names, countyList };
  },
  render(container, { push, names, countyList }) {
    if (push && push.status !== 'DRAFT') {
      container.append(pageHeader('编辑推送'), Ui.message('info', [
        `此推送当前状态为“${Labels.pushStatus[push.status] || push.status}”，只有草稿可以修改。 `,
        h('a', { href: href('push/' + push.id) }, '查看推送详情')]));
      return;
    }
    const box = messageBox('push-message');
    showNotice(box);

    const title = h('input', { id: 'push-title', maxlength: 60, value: push ? push.title : '', placeholder: '如：关于开展2026年度微信公众号登记备案工作的通知' });
    const summary = h('textarea', { id: 'push-summary', maxlength: 200, rows: 3, placeholder: '一两句话说明要点' });
    summary.value = push ? push.summary : '';
    const body = richEditor(push && push.bodyHtml, { id: 'push-body', 'aria-label': '正文' });
    const channels = channelFields(push && push.channels);
    const audience = audienceFields(push && push.audience, names, kind => channels.setFollowers(kind === 'FOLLOWERS'), countyList);
    const attachments = attachmentsCard(push);
    const schedule = scheduleFields();

    let current = push;
    let dirty = !push;
    const draft = () => ({
      title: title.value.trim(), summary: summary.value.trim(), bodyHtml: body.html(), audience: audience.value(), channels: channels.value(),
    });
    /** Saves the draft if it changed (the first save creates it); returns the push as the server has it. */
    const save = async () => {
      if (current && !dirty) return current;
      const content = draft();
      const saved = current
        ? await Api.put('/api/console/pushes/' + current.id, { version: current.version, draft: content })
        : await Api.post('/api/console/pushes', content);
      if (!current) {
        // the address now names the draft (no re-render: what is typed stays), and files can be attached
        history.replaceState(null, '', href('push-edit/' + saved.id));
        attachments.setPush(saved);
        heading.textContent = '编辑推送';
      }
      current = saved;
      dirty = false;
      return saved;
    };

    const form = h('form', { class: 'push-form', id: 'push-form', novalidate: true });
    const guard = action => async () => {
      clearFieldErrors(form);
      try {
        await action();
      } catch (error) {
        throw placeFieldErrors(form, error, CODE_FIELDS);
      }
    };

    const saveButton = onClick(h('button', { type: 'button', class: 'button', id: 'push-save' }, '保存草稿'), box, guard(async () => {
      const first = !current;
      await save();
      Ui.showSuccess(box, `已保存草稿（${Ui.dateTime(new Date())}）。` + (first ? '现在可以上传附件。' : ''));
    }));
    const sendButton = h('button', { type: 'button', class: 'button primary', id: 'push-send' }, '立即发送');
    const confirmText = h('span');
    const confirmRow = h('div', { class: 'confirm-row', id: 'push-send-confirm-row', hidden: true }, confirmText);
    const confirmButton = onClick(h('button', { type: 'button', class: 'button primary', id: 'push-send-confirm' }, '确认发送'), box,
      guard(async () => {
        const sendAt = schedule.sendAt();
        const saved = await save();
        const published = await Api.post(`/api/console/pushes/${saved.id}/publish`, { version: saved.version, sendAt });
        leaveNotice(publishedNotice(published, sendAt));
        go('push/' + saved.id);
      }));
    confirmRow.append(confirmButton, h('button', { type: 'button', class: 'button', onclick: () => { confirmRow.hidden = true; } }, '再检查一下'));
    onClick(sendButton, box, guard(async () => {
      const sendAt = schedule.sendAt();
      audience.value(); // the audience's own checks before asking
      confirmText.textContent = sendAt
        ? `将于 ${sendAt.slice(0, 10)} ${sendAt.slice(11, 16)}（北京时间）发送给${audienceWords(audience.value())}。发送后不能再修改，确认吗？`
        : `将立即发送给${audienceWords(audience.value())}。发送后不能再修改，确认吗？`;
      confirmRow.hidden = false;
    }));
    schedule.onChange(later => {
      sendButton.textContent = later ? '定时发送' : '立即发送';
      confirmRow.hidden = true;
    });

    const heading = h('h2', {}, push ? '编辑推送' : '新建推送');
    form.append(
      card('内容',
        named('title', field('标题', title, '不超过 60 字；订阅消息、模板消息中过长的标题会被截短。')),
        named('summary', field('摘要', summary, '不超过 200 字；显示在收件箱列表和微信消息中。')),
        named('bodyHtml', group('正文', body.element, '可设置加粗、标题、列表和链接；保存时服务器会清除不安全的内容。'))),
      card('推送对象', audience.element),
      card('发送渠道', channels.element),
      attachments.element,
      card('发送', testSendField(save, guard, box), schedule.element,
        h('div', { class: 'button-row send-row' }, saveButton, sendButton), confirmRow));
    const changed = event => {
      if (!NOT_DRAFT.includes(event.target.id) && !event.target.closest('.rich-link-bar')) dirty = true;
    };
    form.addEventListener('input', changed);
    form.addEventListener('change', changed);
    form.addEventListener('submit', event => event.preventDefault()); // Enter in a field sends nothing
    container.append(
      h('div', { class: 'page-header' }, h('div', {},
        h('p', { class: 'crumbs' }, h('a', { href: push ? href('push/' + push.id) : href('pushes') }, push ? '← 推送详情' : '← 政策推送')),
        heading), push ? h('span', { class: 'muted' }, '草稿 #' + push.id) : null),
      box, form);
  },
};

function audienceWords(audience) {
  if (audience.kind === 'LISTED') return `指定的 ${audience.operatorIds.length} 位运营者`;
  if (audience.kind === 'FILTERED') return '符合条件的运营者';
  return Labels.audienceKind[audience.kind];
}
