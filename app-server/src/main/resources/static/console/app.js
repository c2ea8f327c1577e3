/* Console shell: who is signed in, the navigation for their roles, and hash routing to the pages.
 * Every page is a module in pages/ (see pages/skeleton.js); to add one, import it and list it below. */
import { Api } from './api.js';
import * as Ui from './ui.js';
import { Labels } from './reference.js';
import { go, parseHash, setRenderer } from './router.js';
import { allowed, currentUser, setUser } from './session.js';
import { showPage } from './pages/skeleton.js';
import { showLogin } from './pages/login.js';
import dashboard from './pages/dashboard.js';
import reviewQueue from './pages/review-queue.js';
import filingDetail from './pages/filing-detail.js';
import registry from './pages/registry.js';
import enforcement from './pages/enforcement.js';
import pushes from './pages/pushes.js';
import pushEdit from './pages/push-edit.js';
import pushDetail from './pages/push-detail.js';
import staff from './pages/staff.js';
import exportsPage from './pages/exports.js';
import campaigns from './pages/campaigns.js';
import office from './pages/office.js';
import reminderRules from './pages/reminder-rules.js';
import placeNames from './pages/place-names.js';
import audit from './pages/audit.js';
import account from './pages/account.js';
import notifications, { refreshUnreadIfStale, showUnread } from './pages/notifications.js';

const { h, clear } = Ui;

/** In sidebar order: the pages with a nav text appear there, for the roles they allow. */
const PAGES = [dashboard, reviewQueue, filingDetail, registry, enforcement, pushes, pushEdit, pushDetail, staff, exportsPage, campaigns,
  office, reminderRules, placeNames, audit, account, notifications];
// #/password: the 我的账号 page's former name (bookmarks, old links)
const ROUTES = { ...Object.fromEntries(PAGES.map(page => [page.route, page])), password: account };
const NAV = PAGES.filter(page => page.nav);

let renderCount = 0;

function homeRoute() {
  const first = NAV.find(allowed);
  return first ? first.route : 'account';
}

function login(notice) {
  setUser(null);
  showUnread(null);
  document.getElementById('shell').hidden = true;
  const screen = document.getElementById('login-screen');
  screen.hidden = false;
  showLogin(clear(screen), { notice, onSignedIn: signedIn });
  document.title = '登录 · 公众号登记备案平台';
}

function buildShell(user) {
  document.getElementById('login-screen').hidden = true;
  document.getElementById('shell').hidden = false;
  document.getElementById('user-name').textContent = user.displayName + '（' + user.username + '）';
  // 商丘市网信办 for the city office, 民权县网信办 for a county's
  document.getElementById('topbar-office').textContent = (user.scopeName || '') + '网信办 · 工作台';
  document.getElementById('user-roles').textContent = user.roles.map(r => r.label || Labels.role[r.role]).join('、');
  const nav = clear(document.getElementById('nav'));
  for (const page of NAV.filter(allowed)) {
    nav.appendChild(h('a', { href: '#/' + page.route, 'data-route': page.route, class: 'nav-link' }, page.nav));
  }
}

function highlightNav(name, page) {
  const links = [...document.querySelectorAll('#nav .nav-link')];
  // a filing is opened from the queue, the registry or the overdue list: keep that entry highlighted
  if (page.keepNav === true && links.some(link => link.classList.contains('active'))) return;
  // a page under one entry (a push's detail under 政策推送) names it
  const navRoute = page.keepNav === true ? 'registry' : page.keepNav || name;
  for (const link of links) link.classList.toggle('active', link.dataset.route === navRoute);
}

async function render() {
  if (!currentUser()) {
    login();
    return;
  }
  const { name, args, params } = parseHash();
  const page = ROUTES[name];
  if (!page) {
    go(homeRoute());
    return;
  }
  // a later render makes this one stale: its answers must not replace the newer page
  const current = ++renderCount;
  highlightNav(name, page);
  // the top bar's unread count (digests arrive in the morning, while the console may stay open all day)
  refreshUnreadIfStale();
  const view = clear(document.getElementById('view'));
  if (!allowed(page)) {
    view.appendChild(Ui.message('error', '您的账号没有使用此功能的权限。'));
    return;
  }
  await showPage(page, view, { args, params, isCurrent: () => current === renderCount });
}

async function signedIn(staff) {
  setUser(staff);
  buildShell(staff);
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
  login('您已退出登录。');
}

async function start() {
  setRenderer(render);
  document.getElementById('logout').addEventListener('click', logout);
  Api.setUnauthenticatedHandler(() => login('登录已过期，请重新登录。'));
  window.addEventListener('hashchange', () => {
    if (currentUser()) render();
  });
  try {
    await Api.ensureCsrf(false);
    await signedIn(await Api.get('/api/console/auth/me'));
  } catch (error) {
    login(error.status === 401 ? null : error.message);
  }
}

// a module script runs once the document has been parsed, so the shell's elements exist
start();
