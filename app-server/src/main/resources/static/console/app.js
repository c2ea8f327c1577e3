/* Console shell: who is signed in, the navigation for their roles, and hash routing to the views. */
'use strict';

const App = (() => {
  const { h, clear } = Ui;

  /** Navigation entries; roles: any of them opens the entry. */
  const NAV = [
    { route: 'dashboard', title: '概览', roles: ['REVIEWER', 'ADMIN'] },
    { route: 'review', title: '待审核', roles: ['REVIEWER'] },
    { route: 'registry', title: '台账', roles: ['REVIEWER', 'ADMIN'] },
    { route: 'enforcement', title: '逾期处置', roles: ['ADMIN'] },
    { route: 'staff', title: '工作人员', roles: ['ADMIN'] },
    { route: 'exports', title: '导出', roles: ['ADMIN'] },
    { route: 'campaigns', title: '备案期', roles: ['ADMIN'] },
    { route: 'place-names', title: '地名词典', roles: ['ADMIN'] },
    { route: 'audit', title: '审计日志', roles: ['ADMIN'] },
  ];

  const ROUTES = {
    dashboard: { roles: ['REVIEWER', 'ADMIN'], view: Views.dashboard },
    review: { roles: ['REVIEWER'], view: Views.reviewQueue },
    // a filing is opened from the queue, the registry or the overdue list: keep that entry highlighted
    filings: { roles: ['REVIEWER', 'ADMIN'], view: Views.filingDetail, keepNav: true },
    registry: { roles: ['REVIEWER', 'ADMIN'], view: Views.registry },
    enforcement: { roles: ['ADMIN'], view: Views.enforcement },
    staff: { roles: ['ADMIN'], view: Views.staff },
    exports: { roles: ['ADMIN'], view: Views.exports },
    campaigns: { roles: ['ADMIN'], view: AdminViews.campaigns },
    'place-names': { roles: ['ADMIN'], view: AdminViews.placeNames },
    audit: { roles: ['ADMIN'], view: AdminViews.audit },
    password: { roles: null, view: Views.password },
  };

  let user = null;
  let renderCount = 0;

  function roles() {
    return user ? user.roles.map(r => r.role) : [];
  }

  function hasRole(...wanted) {
    return wanted.some(role => roles().includes(role));
  }

  function allowed(entry) {
    return !entry.roles || hasRole(...entry.roles);
  }

  /** Parses "#/registry?status=SUBMITTED" into {name: 'registry', args: [], params: {status: ...}}. */
  function parseHash() {
    const raw = decodeURIComponent(location.hash.replace(/^#\/?/, ''));
    const [path, search] = raw.split('?');
    const [name, ...args] = path.split('/').filter(Boolean);
    return { name: name || '', args, params: Object.fromEntries(new URLSearchParams(search || '')) };
  }

  function go(route, params) {
    const target = '#/' + route + Api.query(params);
    if (location.hash === target) render();
    else location.hash = target;
  }

  function homeRoute() {
    const first = NAV.find(allowed);
    return first ? first.route : 'password';
  }

  function showLogin(notice) {
    user = null;
    document.getElementById('shell').hidden = true;
    const screen = document.getElementById('login-screen');
    screen.hidden = false;
    Views.login(clear(screen), notice);
    document.title = '登录 · 公众号登记备案平台';
  }

  function buildShell() {
    document.getElementById('login-screen').hidden = true;
    const shell = document.getElementById('shell');
    shell.hidden = false;
    document.getElementById('user-name').textContent = user.displayName + '（' + user.username + '）';
    document.getElementById('user-roles').textContent = user.roles.map(r => r.label || Labels.role[r.role]).join('、');
    const nav = clear(document.getElementById('nav'));
    for (const entry of NAV.filter(allowed)) {
      nav.appendChild(h('a', { href: '#/' + entry.route, 'data-route': entry.route, class: 'nav-link' }, entry.title));
    }
  }

  async function render() {
    if (!user) {
      showLogin();
      return;
    }
    const { name, args, params } = parseHash();
    const route = ROUTES[name];
    if (!route) {
      go(homeRoute());
      return;
    }
    const current = ++renderCount;
    const links = [...document.querySelectorAll('#nav .nav-link')];
    if (!route.keepNav || !links.some(link => link.classList.contains('active'))) {
      const navRoute = route.keepNav ? 'registry' : name;
      for (const link of links) link.classList.toggle('active', link.dataset.route === navRoute);
    }
    const view = clear(document.getElementById('view'));
    if (!allowed(route)) {
      view.appendChild(Ui.message('error', '您的账号没有使用此功能的权限。'));
      return;
    }
    view.appendChild(h('p', { class: 'loading' }, '正在加载…'));
    try {
      await route.view(view, { args, params, isCurrent: () => current === renderCount });
    } catch (error) {
      if (current !== renderCount) return;
      clear(view);
      Ui.showError(view, error);
    }
  }

  async function signedIn(staff) {
    user = staff;
    buildShell();
    const { name } = parseHash();
    if (!ROUTES[name]) go(homeRoute());
    else render();
  }

  async function logout() {
    try {
      await Api.post('/api/console/auth/logout');
    } catch (e) {
      // the session is gone either way
    }
    await Api.ensureCsrf(true).catch(() => {});
    location.hash = '#/login';
    showLogin('您已退出登录。');
  }

  async function start() {
    document.getElementById('logout').addEventListener('click', logout);
    Api.setUnauthenticatedHandler(() => showLogin('登录已过期，请重新登录。'));
    window.addEventListener('hashchange', () => {
      if (user) render();
    });
    try {
      await Api.ensureCsrf(false);
      const me = await Api.get('/api/console/auth/me');
      await signedIn(me);
    } catch (error) {
      showLogin(error.status === 401 ? null : error.message);
    }
  }

  return {
    start, go, signedIn, hasRole, user: () => user,
  };
})();

document.addEventListener('DOMContentLoaded', App.start);
