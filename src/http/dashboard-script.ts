/**
 * The migration dashboard's script (inline, no dependencies): logs in with the admin token (kept
 * in sessionStorage), polls `GET /admin/parity`, shows one operation's detail from
 * `GET /admin/parity/{operation}` and a side-by-side viewer of a diff sample, and can move an
 * operation with `POST /admin/migration/{operation}`. Written without template literals so it
 * embeds in a TypeScript string as is.
 */
export const dashboardJs = String.raw`
var token = sessionStorage.getItem('understudy-admin-token') || '';
var selected = null;
function el(tag, attrs, children) {
  var node = document.createElement(tag);
  Object.keys(attrs || {}).forEach(function (k) { if (k === 'text') node.textContent = attrs[k]; else node.setAttribute(k, attrs[k]); });
  (children || []).forEach(function (c) { node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
  return node;
}
function api(path, options) {
  options = options || {};
  options.headers = Object.assign({ authorization: 'Bearer ' + token }, options.headers || {});
  return fetch(path, options).then(function (r) {
    if (r.status === 401) { logout('The token was refused.'); throw new Error('unauthorized'); }
    return r.json().then(function (body) { if (!r.ok) throw new Error((body.errors || [body.error]).join('; ')); return body; });
  });
}
function pct(n) { return (Math.round(n * 100) / 100).toFixed(2) + '%'; }
function parityClass(o) { return o.report.samples === 0 ? 'muted' : o.report.parityPercent >= 99 ? 'good' : o.report.parityPercent >= 95 ? 'meh' : 'bad'; }
function stageText(s) { return s.stage === 'canary' ? 'canary ' + s.percent + '%' : s.stage; }
function logout(message) {
  sessionStorage.removeItem('understudy-admin-token'); token = '';
  document.getElementById('app').hidden = true; document.getElementById('login').hidden = false;
  document.getElementById('login-error').textContent = message || '';
}
function login(event) {
  event.preventDefault();
  token = document.getElementById('token').value.trim();
  sessionStorage.setItem('understudy-admin-token', token);
  document.getElementById('login').hidden = true; document.getElementById('app').hidden = false;
  refresh();
}
function splitBar(split) {
  return el('div', { class: 'split', title: 'vendor ' + split.vendor + '% / platform ' + split.platform + '% / shadowed ' + split.shadowed + '%' }, [
    el('div', { class: 'v', style: 'width:' + split.vendor + '%' }), el('div', { class: 'p', style: 'width:' + split.platform + '%' })]);
}
function dropsText(d) { return Object.keys(d).filter(function (k) { return d[k] > 0; }).map(function (k) { return k + ' ' + d[k]; }).join(', ') || '—'; }
function renderTable(body) {
  document.getElementById('facts').textContent = 'rules ' + body.rulesVersion + ' · queue ' + (body.queue.queued + body.queue.running) + ' · ' + (body.backingOff ? 'backing off' : 'shadowing') + ' · dropped: ' + dropsText(body.dropped);
  var rows = body.operations.map(function (o) {
    var top = o.topFields.slice(0, 3).map(function (f) { return el('div', {}, [el('code', { text: f.pointer }), ' ' + f.kind + ' (' + pct(f.rawPercent) + ')']); });
    var row = el('tr', { class: 'op' + (o.operation === selected ? ' selected' : ''), 'data-operation': o.operation }, [
      el('td', {}, [el('b', { text: o.operation })]),
      el('td', {}, [el('span', { class: 'badge ' + o.state.stage, text: stageText(o.state) }), o.state.hold ? ' held' : '']),
      el('td', {}, [splitBar(o.split), el('div', { class: 'muted', text: 'shadowed ' + o.split.shadowed + '%' })]),
      el('td', { text: String(o.report.samples) }),
      el('td', { class: 'compared', title: o.report.samples + ' samples of ' + o.report.calls + ' calls', text: o.report.calls === 0 ? '—' : pct(o.report.comparedPercent) }),
      el('td', { class: parityClass(o), text: o.report.samples === 0 ? '—' : pct(o.report.parityPercent) }),
      el('td', {}, top.length ? top : ['—']),
      el('td', { text: o.report.candidateErrors + (o.gates ? ' (' + pct(o.gates.errorPercent) + ')' : '') }),
      el('td', { text: (o.gates && o.gates.p99DeltaMs !== undefined ? Math.round(o.gates.p99DeltaMs) + ' ms p99' : '—') + ' · mean ' + Math.round(o.report.meanLatencyDeltaMs) + ' ms' }),
      el('td', { class: 'muted', text: dropsText(o.dropped) })]);
    row.addEventListener('click', function () { selected = o.operation; showOperation(o.operation); refresh(); });
    return row;
  });
  var tbody = document.getElementById('ops'); tbody.innerHTML = '';
  rows.forEach(function (r) { tbody.appendChild(r); });
  document.getElementById('empty').hidden = rows.length > 0;
}
function refresh() {
  if (!token) return;
  api('/admin/parity').then(renderTable).catch(function (e) { document.getElementById('facts').textContent = e.message; });
}
function jsonLines(value, pointer, key, depth, out, marks) {
  var pad = new Array(depth + 1).join('  ');
  var label = key === null ? '' : JSON.stringify(key) + ': ';
  var hit = marks[pointer] ? ' hl' : '';
  if (value !== null && typeof value === 'object') {
    var isArray = Array.isArray(value);
    out.push(el('span', { class: 'line' + hit, 'data-pointer': pointer, text: pad + label + (isArray ? '[' : '{') }));
    Object.keys(value).forEach(function (k) { jsonLines(value[k], pointer + '/' + String(k).replace(/~/g, '~0').replace(/\//g, '~1'), isArray ? null : k, depth + 1, out, marks); });
    out.push(el('span', { class: 'line', text: pad + (isArray ? ']' : '}') }));
  } else out.push(el('span', { class: 'line' + hit, 'data-pointer': pointer, text: pad + label + JSON.stringify(value) }));
}
function showSample(sample) {
  var marks = {}; (sample.differences || []).forEach(function (d) { marks[d.pointer] = true; });
  ['primary', 'candidate'].forEach(function (side) {
    var pre = document.getElementById('side-' + side); pre.innerHTML = '';
    var lines = []; jsonLines(sample[side], '', null, 0, lines, marks);
    lines.forEach(function (l) { pre.appendChild(l); pre.appendChild(document.createTextNode('\n')); });
  });
  var list = document.getElementById('sample-diffs'); list.innerHTML = '';
  (sample.differences || []).forEach(function (d) { list.appendChild(el('li', {}, [el('code', { text: d.pointer }), ' ' + d.kind + ': ' + JSON.stringify(d.primary) + ' → ' + JSON.stringify(d.candidate)])); });
  document.getElementById('viewer').hidden = false;
}
function showOperation(op) {
  api('/admin/parity/' + encodeURIComponent(op)).then(function (d) {
    document.getElementById('detail').hidden = false;
    document.getElementById('detail-title').textContent = d.operation + ' — ' + stageText(d.state) + (d.lastVerdict ? ' · ' + d.lastVerdict : '');
    var t = document.getElementById('transitions'); t.innerHTML = '';
    d.transitions.forEach(function (x) { t.appendChild(el('li', {}, [el('b', { text: x.at + ' ' }), stageText(x.from) + ' → ' + stageText(x.to) + ' (' + x.cause + ' by ' + x.actor + '): ' + x.reason])); });
    if (!d.transitions.length) t.appendChild(el('li', { class: 'muted', text: 'no transitions yet' }));
    var f = document.getElementById('fields'); f.innerHTML = '';
    d.report.fields.slice(0, 15).forEach(function (x) { f.appendChild(el('tr', {}, [el('td', {}, [el('code', { text: x.pointer })]), el('td', { text: x.kind }), el('td', { text: x.raw + ' (' + pct(x.rawPercent) + ')' }), el('td', { text: x.noise + ' (' + pct(x.noisePercent) + ')' }), el('td', { class: x.reported ? 'bad' : 'muted', text: x.reported ? 'reported' : 'noise' })])); });
    var c = document.getElementById('clusters'); c.innerHTML = '';
    d.report.clusters.forEach(function (x) {
      var item = el('div', { class: 'cluster' + (x.differing ? ' bad' : ''), text: x.count + ' × ' + (x.fields.join(', ') || 'other') });
      if (x.sample) item.addEventListener('click', function () { showSample(x.sample); });
      c.appendChild(item);
    });
    document.getElementById('viewer').hidden = true;
    if (d.report.clusters.length && d.report.clusters[0].sample) showSample(d.report.clusters[0].sample);
  }).catch(function (e) { document.getElementById('detail-title').textContent = e.message; });
}
function move(event) {
  event.preventDefault();
  if (!selected) return;
  var to = document.getElementById('move-to').value; var body = to === 'hold' || to === 'release' ? { hold: to === 'hold' } : { to: to };
  if (to === 'canary') body.percent = Number(document.getElementById('move-percent').value);
  api('/admin/migration/' + encodeURIComponent(selected), { method: 'POST', headers: { 'content-type': 'application/json', 'x-understudy-actor': 'dashboard' }, body: JSON.stringify(body) })
    .then(function () { document.getElementById('move-error').textContent = ''; showOperation(selected); refresh(); })
    .catch(function (e) { document.getElementById('move-error').textContent = e.message; });
}
document.getElementById('login-form').addEventListener('submit', login);
document.getElementById('move-form').addEventListener('submit', move);
document.getElementById('logout').addEventListener('click', function () { logout(''); });
if (token) { document.getElementById('login').hidden = true; document.getElementById('app').hidden = false; refresh(); }
setInterval(refresh, 5000);
`;
