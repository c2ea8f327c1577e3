/* The sign-in screen (outside the shell, so not a routed page). */
import { Api } from '../api.js';
import * as Ui from '../ui.js';
import { messageBox } from './skeleton.js';

const { h, field } = Ui;

/** Fills the container with the form; onSignedIn(staff) is called after a successful sign-in. */
export function showLogin(container, { notice, onSignedIn }) {
  const box = messageBox('login-message');
  if (notice) box.appendChild(Ui.message('info', notice));
  const username = h('input', { id: 'login-username', name: 'username', autocomplete: 'username', required: true, maxlength: 32 });
  const password = h('input', {
    id: 'login-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true, maxlength: 72,
  });
  const submit = h('button', { type: 'submit', class: 'button primary wide', id: 'login-submit' }, '登录');
  const form = h('form', { class: 'login-form', novalidate: true },
    field('用户名', username), field('密码', password), submit);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    if (!username.value.trim() || !password.value) {
      Ui.showError(box, new Error('请输入用户名和密码'));
      return;
    }
    await Ui.busy(submit, async () => {
      try {
        await Api.ensureCsrf(false);
        const staff = await Api.post('/api/console/auth/login', { username: username.value.trim(), password: password.value });
        password.value = '';
        await onSignedIn(staff);
      } catch (error) {
        Ui.showError(box, error);
        password.select();
      }
    });
  });
  container.appendChild(h('div', { class: 'login-card' },
    h('div', { class: 'login-brand' },
      h('div', { class: 'brand-mark' }, '网'),
      h('div', {}, h('h1', {}, '公众号登记备案平台'), h('p', {}, '睢县网信办 · 工作人员登录'))),
    box, form,
    h('p', { class: 'login-hint' }, '忘记密码或账号被锁定，请联系系统管理员重置。')));
  username.focus();
}
