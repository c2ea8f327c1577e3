/* 我的账号 (#/account, also the old #/password; the top bar's link): one's own password and, for those
 * who receive the overdue digest, the WeChat it reaches (wechat-binding.js). The only page for a
 * publisher, whose work is elsewhere for now. */
import { Api } from '../api.js';
import * as Ui from '../ui.js';
import { PASSWORD_HINT } from '../reference.js';
import { currentUser, hasRole } from '../session.js';
import { messageBox, onSubmit } from './skeleton.js';
import { wechatBindingCard } from './wechat-binding.js';

const { h, field } = Ui;

export default {
  route: 'account',
  title: '我的账号',
  roles: null,
  render(container) {
    const user = currentUser();
    if (!hasRole('REVIEWER', 'ADMIN')) {
      container.appendChild(Ui.message('info', `${user.displayName}，您好。您的账号（${user.roles.map(r => r.label).join('、')}）目前在本控制台只能修改密码。`));
    }
    // the digest goes to reviewers and administrators only (StaffDirectory.reviewerFollowerOpenids)
    container.appendChild(h('div', { class: 'account-grid' }, passwordCard(),
      hasRole('REVIEWER', 'ADMIN') ? wechatBindingCard() : null));
  },
};

function passwordCard() {
  const box = messageBox();
  const current = h('input', { type: 'password', id: 'current-password', autocomplete: 'current-password' });
  const next = h('input', { type: 'password', id: 'new-own-password', autocomplete: 'new-password', maxlength: 72 });
  const repeat = h('input', { type: 'password', id: 'repeat-own-password', autocomplete: 'new-password', maxlength: 72 });
  const submit = h('button', { type: 'submit', class: 'button primary' }, '修改密码');
  const form = h('form', { class: 'card', id: 'password-card' }, h('h3', {}, '修改密码'), box,
    field('当前密码', current), field('新密码', next, PASSWORD_HINT), field('再次输入新密码', repeat),
    h('div', { class: 'button-row' }, submit));
  onSubmit(form, submit, box, async () => {
    if (next.value !== repeat.value) throw new Error('两次输入的新密码不一致');
    await Api.post('/api/console/auth/password', { currentPassword: current.value, newPassword: next.value });
    form.reset();
    Ui.showSuccess(box, '密码已修改，下次登录请使用新密码。');
  });
  return form;
}
