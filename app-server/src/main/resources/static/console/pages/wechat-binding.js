/* The 我的账号 page's card 绑定微信（接收逾期汇总）: whether one's WeChat is linked; 获取绑定码 shows a
 * one-time code to send to the official account ("绑定 123456") with a countdown of its validity, and
 * asks for the state every few seconds meanwhile, so the card turns to 已绑定 once the message arrived;
 * 解除绑定 (after a confirmation) unlinks it. */
import { Api } from '../api.js';
import * as Ui from '../ui.js';
import { messageBox, onClick } from './skeleton.js';

const { h, clear } = Ui;

const PATH = '/api/console/auth/wechat-binding';
/** Seconds between two questions for the state while a code is shown. */
const POLL_EVERY = 3;

export function wechatBindingCard() {
  const box = messageBox('wechat-binding-message');
  const status = h('span', { id: 'wechat-binding-status' }, Ui.statusBadge('unknown', '正在查询…'));
  const explanation = h('p', { class: 'muted' });
  const codeBox = h('div', { class: 'binding-code-box', id: 'wechat-binding-code-box', hidden: true });
  const getCode = h('button', { type: 'button', class: 'button primary', id: 'wechat-binding-get-code', hidden: true }, '获取绑定码');
  const unbind = h('button', { type: 'button', class: 'button', id: 'wechat-unbind', hidden: true }, '解除绑定');
  const confirmRow = h('div', { class: 'confirm-row', hidden: true }, '解除后将不再通过微信收到逾期汇总（“通知”中仍可查看）。');
  const card = h('section', { class: 'card', id: 'wechat-binding-card' },
    h('div', { class: 'card-title-row' }, h('h3', {}, '绑定微信（接收逾期汇总）'), status),
    box, explanation, codeBox, h('div', { class: 'button-row' }, getCode, unbind), confirmRow);

  let timer = null;
  const stopCode = () => {
    if (timer) clearInterval(timer);
    timer = null;
    clear(codeBox).hidden = true;
  };
  const showState = bound => {
    clear(status).appendChild(bound ? Ui.statusBadge('read', '已绑定') : Ui.statusBadge('unknown', '未绑定'));
    explanation.textContent = bound
      ? '每天早上的逾期未备案汇总会通过本公众号以模板消息发到您绑定的微信。'
      : '绑定后，每天早上的逾期未备案汇总会通过本公众号以模板消息发到您的微信（“通知”中仍可查看）。';
    getCode.hidden = bound;
    unbind.hidden = !bound;
    confirmRow.hidden = true;
    if (bound) stopCode();
  };

  onClick(getCode, box, async () => {
    const answer = await Api.post(PATH);
    clear(box);
    stopCode();
    timer = showCode(card, codeBox, answer, {
      onBound: () => {
        showState(true);
        Ui.showSuccess(box, '绑定成功：今后每天的逾期未备案汇总将发到您的微信。');
      },
      onExpired: () => {
        stopCode();
        box.appendChild(Ui.message('info', '绑定码已过期，请重新获取。'));
      },
    });
    getCode.textContent = '重新获取绑定码';
  });
  unbind.addEventListener('click', () => { confirmRow.hidden = false; });
  confirmRow.append(
    onClick(h('button', { type: 'button', class: 'button danger', id: 'wechat-unbind-confirm' }, '确认解除'), box, async () => {
      await Api.del(PATH);
      getCode.textContent = '获取绑定码';
      showState(false);
      Ui.showSuccess(box, '已解除绑定。');
    }),
    h('button', { type: 'button', class: 'button', onclick: () => { confirmRow.hidden = true; } }, '取消'));

  Api.get(PATH).then(answer => showState(answer.bound), error => {
    clear(status);
    Ui.showError(box, error);
  });
  return card;
}

/**
 * Shows the code, its instruction and the time left; ticks every second until the code expires, the
 * state turns bound or the card has left the page. Returns the interval's id.
 */
function showCode(card, codeBox, { code, validSeconds, instruction }, { onBound, onExpired }) {
  const deadline = Date.now() + validSeconds * 1000;
  const countdown = h('p', { class: 'binding-countdown', id: 'wechat-binding-countdown' });
  Ui.append(codeBox, [
    h('p', { class: 'binding-instruction' }, instruction),
    h('div', { class: 'binding-code', id: 'wechat-binding-code' }, code),
    countdown,
    h('p', { class: 'muted' }, '每个绑定码只能使用一次。发送后本页会自动显示绑定结果，无需刷新。'),
  ]);
  codeBox.hidden = false;
  let ticks = 0;
  let asking = false;
  const tick = () => {
    if (!card.isConnected) {
      clearInterval(timer);
      return;
    }
    const left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
    if (left === 0) {
      clearInterval(timer);
      onExpired();
      return;
    }
    countdown.textContent = `有效期还剩 ${Math.floor(left / 60)} 分 ${String(left % 60).padStart(2, '0')} 秒`;
    if (++ticks % POLL_EVERY === 0 && !asking) {
      asking = true;
      // a failed question (the network, say) is asked again at the next turn
      Api.get(PATH).then(answer => {
        if (answer.bound && card.isConnected) onBound();
      }, () => null).finally(() => { asking = false; });
    }
  };
  const timer = setInterval(tick, 1000);
  tick();
  return timer;
}
