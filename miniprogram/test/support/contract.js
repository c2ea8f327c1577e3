// The mini-program's side of the API contract: which paths the code calls, and whether the server's
// OpenAPI document (written by app-server's OpenApiDocumentationIntegrationTest) has them.
const fs = require('fs');
const path = require('path');

const ROOT = path.join(__dirname, '..', '..');
const DOCUMENT = path.join(ROOT, '..', 'app-server', 'target', 'openapi.json');
const PREFIX = '/api/mini/';
const SKIPPED_FOLDERS = new Set(['test', 'node_modules', 'coverage', 'miniprogram_npm']);

/** The server's OpenAPI document; a clear error when the server build has not written it. */
function loadDocument(file) {
  const where = file || DOCUMENT;
  if (!fs.existsSync(where)) {
    throw new Error(`The server's OpenAPI document ${path.resolve(where)} is missing: run the app-server tests first `
      + '(mvn -B verify, or mvn -B verify -pl app-server -Dtest=OpenApiDocumentationIntegrationTest '
      + '-Dsurefire.failIfNoSpecifiedTests=false), which write it.');
  }
  return JSON.parse(fs.readFileSync(where, 'utf8'));
}

/** The [method, path] pairs that the document lacks (the path, or that method on it). */
function missingFromDocument(endpoints, document) {
  const paths = (document && document.paths) || {};
  return endpoints
    .filter(([method, p]) => !paths[p] || !paths[p][method.toLowerCase()])
    .map(([method, p]) => `${method} ${p}` + (paths[p] ? ` (the document has ${Object.keys(paths[p]).map((m) => m.toUpperCase()).join(', ')})` : ''));
}

// ---- scanning the sources -------------------------------------------------------------------------

const REGEX_BEFORE = new Set(['(', ',', '=', ':', '[', '!', '&', '|', '?', '{', '}', ';', '+', '-', '*', '%', '<', '>', '~', '^']);
const REGEX_AFTER_WORDS = new Set(['return', 'typeof', 'case', 'do', 'else', 'in', 'of', 'new', 'delete', 'void', 'throw', 'yield', 'await']);

/**
 * The tokens of a JS source that matter here: strings (quoted or template, as parts: {text} or {dynamic}),
 * punctuation and words, with their line. Comments and regular expressions are skipped.
 */
function tokenize(source) {
  const tokens = [];
  let i = 0;
  let line = 1;
  const n = source.length;
  const last = () => tokens[tokens.length - 1];
  while (i < n) {
    const c = source[i];
    if (c === '\n') { line += 1; i += 1; continue; }
    if (/\s/.test(c)) { i += 1; continue; }
    if (c === '/' && source[i + 1] === '/') {
      while (i < n && source[i] !== '\n') i += 1;
      continue;
    }
    if (c === '/' && source[i + 1] === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end < 0 ? n : end + 2;
      line += (source.slice(i, stop).match(/\n/g) || []).length;
      i = stop;
      continue;
    }
    if (c === '/') {
      const prev = last();
      const regex = !prev || (prev.type === 'punct' && REGEX_BEFORE.has(prev.value)) || (prev.type === 'word' && REGEX_AFTER_WORDS.has(prev.value));
      if (regex) {
        let inClass = false;
        i += 1;
        while (i < n && source[i] !== '\n') {
          const r = source[i];
          if (r === '\\') { i += 2; continue; }
          if (r === '[') inClass = true;
          else if (r === ']') inClass = false;
          else if (r === '/' && !inClass) break;
          i += 1;
        }
        i += 1;
        while (i < n && /[a-z]/i.test(source[i])) i += 1;
        tokens.push({ type: 'regex', line });
        continue;
      }
      tokens.push({ type: 'punct', value: '/', line });
      i += 1;
      continue;
    }
    if (c === '\'' || c === '"') {
      const start = line;
      let text = '';
      i += 1;
      while (i < n && source[i] !== c && source[i] !== '\n') {
        if (source[i] === '\\') { text += source[i + 1]; i += 2; continue; }
        text += source[i];
        i += 1;
      }
      i += 1;
      tokens.push({ type: 'string', parts: [{ text }], line: start });
      continue;
    }
    if (c === '`') {
      const start = line;
      const parts = [];
      let text = '';
      i += 1;
      while (i < n && source[i] !== '`') {
        if (source[i] === '\\') { text += source[i + 1]; i += 2; continue; }
        if (source[i] === '$' && source[i + 1] === '{') {
          if (text) parts.push({ text });
          text = '';
          let depth = 1;
          i += 2;
          while (i < n && depth > 0) {
            if (source[i] === '{') depth += 1;
            else if (source[i] === '}') depth -= 1;
            else if (source[i] === '\n') line += 1;
            i += 1;
          }
          parts.push({ dynamic: true });
          continue;
        }
        if (source[i] === '\n') line += 1;
        text += source[i];
        i += 1;
      }
      i += 1;
      if (text) parts.push({ text });
      tokens.push({ type: 'string', parts, line: start });
      continue;
    }
    if (/[A-Za-z0-9_$]/.test(c)) {
      let word = '';
      while (i < n && /[A-Za-z0-9_$.]/.test(source[i])) { word += source[i]; i += 1; }
      tokens.push({ type: 'word', value: word, line });
      continue;
    }
    tokens.push({ type: 'punct', value: c, line });
    i += 1;
  }
  return tokens;
}

const OPEN = new Set(['(', '[', '{']);
const CLOSE = new Set([')', ']', '}']);
const ENDS_OPERAND = new Set(['+', ',', ')', ']', '}', ';', '?', ':']);

/**
 * The API paths a source calls: each string starting with /api/mini/, with the strings and expressions
 * concatenated to it ('/api/mini/filings/' + id + '/submit') as parts; a query string ends the path.
 */
function apiPathsIn(source) {
  const tokens = tokenize(source);
  const found = [];
  for (let t = 0; t < tokens.length; t += 1) {
    const token = tokens[t];
    if (token.type !== 'string' || !token.parts.length || token.parts[0].dynamic || !token.parts[0].text.startsWith(PREFIX)) continue;
    const parts = token.parts.slice();
    let k = t + 1;
    while (k < tokens.length && tokens[k].type === 'punct' && tokens[k].value === '+') {
      k += 1;
      // one operand: a string, or an expression up to the next + (or the end) at its own depth
      if (k < tokens.length && tokens[k].type === 'string' && !(tokens[k + 1] && tokens[k + 1].type === 'punct' && OPEN.has(tokens[k + 1].value))) {
        parts.push(...tokens[k].parts);
        k += 1;
        continue;
      }
      let depth = 0;
      const start = k;
      while (k < tokens.length) {
        const v = tokens[k].type === 'punct' ? tokens[k].value : null;
        if (v && depth === 0 && ENDS_OPERAND.has(v)) break;
        if (v && OPEN.has(v)) depth += 1;
        if (v && CLOSE.has(v)) depth -= 1;
        k += 1;
      }
      if (k > start) parts.push({ dynamic: true });
    }
    found.push({ parts: cutQuery(parts), line: token.line });
  }
  return found;
}

function cutQuery(parts) {
  const out = [];
  for (const part of parts) {
    if (part.dynamic) { out.push(part); continue; }
    const q = part.text.indexOf('?');
    if (q >= 0) {
      if (q > 0) out.push({ text: part.text.slice(0, q) });
      return out;
    }
    out.push(part);
  }
  return out;
}

/** 'a/{x}/b' style text of parts, for messages. */
function describe(parts) {
  return parts.map((p) => (p.dynamic ? '{…}' : p.text)).join('');
}

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether a path found in the code is one of the contract's path templates. */
function covers(templates, parts) {
  const hasDynamic = parts.some((p) => p.dynamic);
  if (!hasDynamic) {
    // a fully static path ('/api/mini/filings/12/notices'): the templates' {params} match any segment
    const text = parts.map((p) => p.text).join('');
    return templates.some((template) => new RegExp('^' + template.split(/\{[^}]+\}/).map(escape).join('[^/]+') + '$').test(text));
  }
  // static text must match the template's text; each expression stands for anything (a parameter)
  const pattern = new RegExp('^' + parts.map((p) => (p.dynamic ? '.+' : escape(p.text))).join('') + '$');
  return templates.some((template) => pattern.test(template));
}

/** Every JS file of the mini-program outside test/ and node_modules/. */
function sourceFiles(root) {
  const base = root || ROOT;
  const files = [];
  const walk = (dir) => {
    fs.readdirSync(dir, { withFileTypes: true }).forEach((entry) => {
      if (entry.name.startsWith('.')) return;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) walk(full);
      } else if (entry.name.endsWith('.js') && !/^jest\.config\.js$/.test(entry.name)) {
        files.push(full);
      }
    });
  };
  walk(base);
  return files.sort();
}

/** The calls in these files that no ENDPOINTS template covers: ['pages/x/x.js:12 /api/mini/…']. */
function uncoveredCalls(endpoints, files, root) {
  const templates = endpoints.map(([, p]) => p);
  const problems = [];
  files.forEach((file) => {
    apiPathsIn(fs.readFileSync(file, 'utf8')).forEach((found) => {
      if (!covers(templates, found.parts)) problems.push(`${path.relative(root || ROOT, file)}:${found.line} ${describe(found.parts)}`);
    });
  });
  return problems;
}

module.exports = { DOCUMENT, ROOT, loadDocument, missingFromDocument, tokenize, apiPathsIn, covers, describe, sourceFiles, uncoveredCalls };
