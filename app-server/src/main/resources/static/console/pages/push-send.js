/* 发送 on the compose page: a test send to chosen operators, and when to send (now, or at a time in
 * Beijing time, which goes to the API as an ISO time with +08:00). */
import { Api } from '../api.js';
import * as Ui from '../ui.js';
import { fieldError, onClick } from './skeleton.js';
import { named, operatorIds } from './push-audience.js';

const { h, field, group } = Ui;

/** 测试发送: saves the draft if it changed, then sends its content to up to 20 operators. */
export function testSendField(save, guard, box) {
  const ids = h('input', { id: 'push-test-ids', placeholder: '运营者编号，如 1024, 1025' });
  const button = h('button', { type: 'button', class: 'button', id: 'push-test-send' }, '测试发送');
  onClick(button, box, guard(async () => {
    const recipients = operatorIds(ids.value, 'operatorIds');
    if (!recipients.length) throw fieldError('operatorIds', '请填写接收测试消息的运营者编号');
    if (recipients.length > 20) throw fieldError('operatorIds', '测试发送最多 20 个运营者');
    const push = await save();
    const sent = await Api.post(`/api/console/pushes/${push.id}/test-send`, { operatorIds: recipients });
    Ui.showSuccess(box, `已向 ${sent.recipients} 位运营者发送测试消息（标题带“【测试】”），请在小程序收件箱中查看。`);
  }));
  return named('operatorIds', group('测试发送', h('div', { class: 'inline-row' }, ids, button),
    '发送前先把当前内容发给自己（您本人的小程序账号）看一看；不计入正式推送。'));
}

/** Beijing time now as a datetime-local value, "2026-03-01T09:30". */
function beijingNow() {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date()).map(p => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** 立即发送 / 定时发送 and the time: {element, later(), sendAt(), onChange(fn)}. */
export function scheduleFields() {
  const now = h('input', { type: 'radio', name: 'push-when', id: 'push-when-now', value: 'now', checked: true });
  const later = h('input', { type: 'radio', name: 'push-when', id: 'push-when-later', value: 'later' });
  const at = h('input', { type: 'datetime-local', id: 'push-send-at', step: 60 });
  const time = named('sendAt', field('发送时间（北京时间）', at, '最迟可定在一年以内；到时自动发送，发送前可以取消。'));
  const listeners = [];
  const sync = () => {
    time.hidden = !later.checked;
    if (later.checked && !at.value) at.min = beijingNow();
    listeners.forEach(listener => listener(later.checked));
  };
  now.addEventListener('change', sync);
  later.addEventListener('change', sync);
  sync();
  return {
    element: h('div', { class: 'schedule' },
      group('发送方式', h('div', { class: 'checks' },
        h('label', { class: 'check' }, now, '立即发送'), h('label', { class: 'check' }, later, '定时发送'))),
      time),
    later: () => later.checked,
    onChange(listener) {
      listeners.push(listener);
      listener(later.checked);
    },
    /** null for now; otherwise the chosen Beijing time as "2026-03-01T09:30:00+08:00". */
    sendAt() {
      if (!later.checked) return null;
      if (!at.value) throw fieldError('sendAt', '请选择定时发送的时间');
      const value = at.value.slice(0, 16) + ':00+08:00';
      if (Date.parse(value) <= Date.now() + 60 * 1000) throw fieldError('sendAt', '定时发送的时间应晚于现在');
      return value;
    },
  };
}

/** The confirmation a publish needs, in words. */
export function publishedNotice(push, sendAt) {
  if (push.status === 'AWAITING_APPROVAL') return '已提交发送，等待另一位发布员复核后发出。';
  if (sendAt) return `已安排在 ${Ui.dateTime(sendAt)}（北京时间）定时发送，发送前可以取消。`;
  return '已开始发送，下方实时显示发送进度。';
}
