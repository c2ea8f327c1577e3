// wx.* replaced at the boundary: requests answered by a scripted server, storage in memory, everything
// recorded. Tests script answers with `wx.__server.on(method, path, handler)`; handler(req) returns
// {statusCode, data} or {fail: {errMsg}}. Unscripted requests answer 404 so a missing route shows.
function createWx() {
  const storage = {};
  const calls = [];
  const routes = [];
  const uploads = [];
  const server = {
    on(method, path, handler) {
      routes.unshift({ method, path, handler });
      return server;
    },
    reset() {
      routes.length = 0;
      calls.length = 0;
      uploads.length = 0;
    },
    calls,
    uploads,
  };
  const match = (method, url) => routes.find((r) => r.method === method && (r.path instanceof RegExp ? r.path.test(url) : url.endsWith(r.path)));
  const answer = (route, req, success, fail) => {
    const result = route ? route.handler(req) : { statusCode: 404, data: { code: 'NOT_FOUND', message: '接口不存在' } };
    Promise.resolve(result).then((r) => (r && r.fail ? fail(r.fail) : success(r)));
  };
  const wx = {
    __server: server,
    __storage: storage,
    request(options) {
      const method = options.method || 'GET';
      const req = { method, url: options.url, data: options.data, header: options.header || {} };
      calls.push(req);
      answer(match(method, options.url), req, options.success, options.fail);
      return { abort() {} };
    },
    uploadFile(options) {
      const listeners = [];
      const req = { method: 'UPLOAD', url: options.url, filePath: options.filePath, formData: options.formData, name: options.name };
      uploads.push(req);
      calls.push(req);
      setTimeout(() => {
        listeners.forEach((l) => l({ progress: 50 }));
        listeners.forEach((l) => l({ progress: 100 }));
        answer(match('UPLOAD', options.url), req, options.success, options.fail);
      }, 0);
      return { onProgressUpdate: (l) => listeners.push(l), abort() {} };
    },
    downloadFile(options) {
      const req = { method: 'DOWNLOAD', url: options.url, header: options.header || {} };
      calls.push(req);
      answer(match('DOWNLOAD', options.url), req, options.success, options.fail);
    },
    login(options) {
      calls.push({ method: 'LOGIN' });
      options.success({ code: 'code-' + calls.length });
    },
    getStorageSync: (key) => storage[key],
    setStorageSync: (key, value) => {
      storage[key] = value;
    },
    removeStorageSync: (key) => {
      delete storage[key];
    },
    getAccountInfoSync: () => ({ miniProgram: { envVersion: 'develop', appId: 'wx0000000000000000' } }),
  };
  // anything else a page calls (navigateTo, showToast, chooseMedia …) is recorded and succeeds, unless a test replaces it
  return new Proxy(wx, {
    get(target, name) {
      if (name in target) return target[name];
      if (typeof name !== 'string' || name.startsWith('__')) return undefined;
      const fn = (options) => {
        calls.push({ method: name, options });
        if (options && typeof options.success === 'function') options.success({});
        if (options && typeof options.complete === 'function') options.complete({});
      };
      target[name] = fn;
      return fn;
    },
  });
}

module.exports = { createWx };
