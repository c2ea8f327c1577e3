/* 提醒规则: the automatic reminders (deadline, new accounts, sent back, overdue, yearly confirmation) and
 * the staff's overdue digest — each rule a card (reminder-rule-card.js) — and 立即运行, which runs the
 * scan and the dispatch at once instead of waiting for the 15-minute timer. */
import { Api } from '../api.js';
import * as Ui from '../ui.js';
import { messageBox, onClick, pageHeader } from './skeleton.js';
import { ruleCard } from './reminder-rule-card.js';

const { h } = Ui;

export default {
  route: 'reminder-rules',
  nav: '提醒规则',
  roles: ['ADMIN'],
  // no title: the header carries the 立即运行 button
  load: () => Api.get('/api/console/admin/reminder-rules'),
  render(container, rules) {
    const box = messageBox('reminder-run-message');
    const run = h('button', { type: 'button', class: 'button primary header-button', id: 'reminder-run' }, '立即运行');
    onClick(run, box, async () => {
      const answer = await Api.post('/api/console/admin/reminder-rules/run');
      Ui.showSuccess(box, describeRun(answer));
      if (answer.quietUntil) box.appendChild(h('div', { id: 'reminder-run-quiet' }, Ui.message('info', describeQuiet(answer.quietUntil))));
    });
    container.append(
      pageHeader('提醒规则', h('span', { class: 'muted' }, '系统每15分钟自动检查一次；夜间免打扰时段内只登记不发送，次日早上统一发出'), run),
      box,
      ...(rules.length ? rules.map(rule => ruleCard(rule)) : [Ui.message('info', '暂无提醒规则')]));
  },
};

/** The run's figures in words; a null figure: another server was doing that part at the moment. */
function describeRun({ candidates, sent, cancelled, digests }) {
  const scan = candidates === null || candidates === undefined
    ? '另一台服务器正在检查，本次未检查。'
    : `已检查完毕：符合提醒条件的备案 ${candidates} 个（已登记过的提醒不会重复登记）。`;
  const dispatch = sent === null || sent === undefined
    ? '另一台服务器正在发送，本次未发送。'
    : `已发出提醒 ${sent} 条，取消不再需要的提醒 ${cancelled} 条，发送工作人员逾期日报 ${digests} 份。`;
  return scan + dispatch;
}

/** quietUntil (when the quiet hours end, Beijing time) in words: "…将于 08:00 发出", naming the day unless it is today. */
function describeQuiet(quietUntil) {
  const [day, time] = Ui.dateTime(quietUntil).split(' ');
  const tomorrow = Ui.date(new Date(Date.parse(Ui.today() + 'T12:00:00+08:00') + 24 * 3600 * 1000).toISOString());
  const when = day === Ui.today() ? `今天 ${time}` : day === tomorrow ? `明天 ${time}` : `${day} ${time}`;
  return `现在是免打扰时段，找到的提醒暂不发送，将于${when} 发出。`;
}
