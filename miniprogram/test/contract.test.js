// The API contract: every request the client can make (api.ENDPOINTS) is in the server's OpenAPI
// document (app-server/target/openapi.json, written by the server's tests), and no page or helper calls a
// /api/mini/ path that ENDPOINTS does not list.
const fs = require('fs');
const os = require('os');
const path = require('path');
const api = require('../utils/api');
const contract = require('./support/contract');

describe('the API contract with the server', () => {
  test('every endpoint of the client is in the server\'s OpenAPI document with its method', () => {
    const document = contract.loadDocument();
    expect(Object.keys(document.paths).length).toBeGreaterThan(10);
    expect(contract.missingFromDocument(api.ENDPOINTS, document)).toEqual([]);
  });

  test('every /api/mini/ path in the mini-program\'s code is one of the client\'s endpoints', () => {
    const files = contract.sourceFiles();
    expect(files.map((f) => path.relative(contract.ROOT, f))).toEqual(expect.arrayContaining(['utils/api.js', 'app.js']));
    expect(files.some((f) => f.includes(`${path.sep}node_modules${path.sep}`) || f.includes(`${path.sep}test${path.sep}`))).toBe(false);
    expect(contract.uncoveredCalls(api.ENDPOINTS, files)).toEqual([]);
  });

  test('self-check: a wrong path or a wrong method is reported as missing from the document', () => {
    const document = contract.loadDocument();
    expect(contract.missingFromDocument([
      ['GET', '/api/mini/office'],
      ['GET', '/api/mini/filings/{id}/no-such-thing'],
      ['DELETE', '/api/mini/office'],
    ], document)).toEqual([
      'GET /api/mini/filings/{id}/no-such-thing',
      'DELETE /api/mini/office (the document has GET)',
    ]);
  });

  test('self-check: a call the contract does not know is reported with its file and line', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'contract-'));
    const file = path.join(folder, 'page.js');
    fs.writeFileSync(file, [
      "api.get('/api/mini/filings/' + id);",
      "api.post('/api/mini/filings/' + filing.id + '/submit', { version });",
      'api.get(`/api/mini/filings/${id}/notices`);',
      "api.get('/api/mini/inbox?page=' + page);",
      "api.get('/api/mini/filings/12/materials');",
      "api.post('/api/mini/filings/' + id + '/secret-approve');",
      "api.get('/api/mini/not-in-the-contract');",
    ].join('\n'));
    expect(contract.uncoveredCalls(api.ENDPOINTS, [file], folder)).toEqual([
      'page.js:6 /api/mini/filings/{…}/secret-approve',
      'page.js:7 /api/mini/not-in-the-contract',
    ]);
    fs.rmSync(folder, { recursive: true, force: true });
  });

  test('the scan reads strings only: comments, regular expressions and divisions are not paths', () => {
    const source = [
      '// calls /api/mini/hidden in a comment, and \'/api/mini/quoted-in-comment\'',
      '/* \'/api/mini/block-comment\' */',
      "const re = /'\\/api\\/mini\\/regex'/; const half = total / 2; const x = a / b / c;",
      "const u = \"/api/mini/office\"; const t = `/api/mini/forms/${type}/blank.pdf`;",
      "wx.request({ url: env.baseUrl() + '/api/mini/privacy-notice' });",
    ].join('\n');
    const found = contract.apiPathsIn(source).map((f) => `${f.line} ${contract.describe(f.parts)}`);
    expect(found).toEqual(['4 /api/mini/office', '4 /api/mini/forms/{…}/blank.pdf', '5 /api/mini/privacy-notice']);
  });

  test('a missing document fails with its file name and what to run', () => {
    expect(() => contract.loadDocument(path.join(os.tmpdir(), 'no-such-folder', 'openapi.json')))
      .toThrow(/openapi\.json is missing: run the app-server tests first/);
    expect(contract.DOCUMENT).toMatch(/app-server[\\/]target[\\/]openapi\.json$/);
  });
});
