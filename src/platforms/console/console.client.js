// The console page: no framework. Messages arrive as server-rendered, escaped HTML over
// Server-Sent Events; this file places them, posts clicks and uploads, and draws the edit dialog.
const $ = (sel) => document.querySelector(sel);
const list = $('#messages');
const nodes = new Map();
const state = {
  user: localStorage.getItem('marginiq.user') || 'analyst',
  maxFileBytes: Number.POSITIVE_INFINITY,
  events: null,
  editing: null,
};

const NAMES = {
  bot: 'MarginIQ',
  'console:analyst': 'Analyst',
  'console:approver': 'Approver',
  'console:admin': 'Admin',
};
const nameOf = (from) => NAMES[from] || from.replace(/^\w+:/, '');
const timeOf = (iso) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

function toast(text, tone = 'danger') {
  const el = document.createElement('div');
  el.className = `toast tone-${tone}`;
  el.textContent = text;
  $('#toasts').append(el);
  setTimeout(() => el.remove(), 6000);
}

async function post(path, body, headers = {}) {
  const res = await fetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'X-MarginIQ': '1', 'X-MarginIQ-User': state.user, ...headers },
    body,
  });
  const data = await res.json().catch(() => ({}));
  if (!res.ok && res.status !== 422) toast(data.error || `The console answered ${res.status}.`);
  return { status: res.status, data };
}
const postJson = (path, obj) => post(path, JSON.stringify(obj), { 'content-type': 'application/json' });

// ---- messages ----

function messageNode(m) {
  const li = document.createElement('li');
  li.className = 'msg';
  li.dataset.id = m.id;
  const avatar = document.createElement('div');
  avatar.className = `avatar ${m.from === 'bot' ? 'bot' : 'person'}`;
  avatar.textContent = nameOf(m.from).slice(0, 1).toUpperCase();
  const body = document.createElement('div');
  body.className = 'body';
  const meta = document.createElement('div');
  meta.className = 'meta';
  const who = document.createElement('strong');
  who.textContent = nameOf(m.from);
  const when = document.createElement('time');
  meta.append(who, when);
  const content = document.createElement('div');
  content.className = 'content';
  const thread = document.createElement('ol');
  thread.className = 'thread';
  body.append(meta, content, thread);
  li.append(avatar, body);
  return li;
}

function fill(li, m) {
  li.classList.toggle('ephemeral', Boolean(m.visibleTo));
  const time = li.querySelector('.meta time');
  time.textContent = timeOf(m.updatedAt || m.at) + (m.updatedAt ? ' · updated' : '');
  time.dateTime = m.updatedAt || m.at;
  let tag = li.querySelector('.meta .only-you');
  if (m.visibleTo && !tag) {
    tag = document.createElement('span');
    tag.className = 'only-you';
    tag.textContent = 'Only visible to you';
    li.querySelector('.meta').append(tag);
  }
  // Server-rendered HTML: every piece of text in it was escaped by console.cards.ts.
  li.querySelector('.content').innerHTML = m.html;
}

function upsert(m) {
  const nearBottom = window.innerHeight + window.scrollY >= document.body.scrollHeight - 80;
  let li = nodes.get(m.id);
  if (!li) {
    li = messageNode(m);
    nodes.set(m.id, li);
    const parent = m.threadRef && nodes.get(m.threadRef);
    if (parent) {
      li.classList.add('reply');
      parent.querySelector('.thread').append(li);
    } else list.append(li);
  }
  fill(li, m);
  $('#empty').hidden = nodes.size > 0;
  if (nearBottom) li.scrollIntoView({ block: 'end' });
}

function reset(messages) {
  nodes.clear();
  list.replaceChildren();
  for (const m of messages) upsert(m);
  $('#empty').hidden = nodes.size > 0;
  window.scrollTo(0, document.body.scrollHeight);
}

function connect() {
  state.events?.close();
  const status = $('#status');
  status.textContent = 'connecting…';
  status.className = 'status';
  const es = new EventSource(`/console/events?user=${encodeURIComponent(state.user)}`);
  state.events = es;
  es.addEventListener('hello', (e) => {
    const hello = JSON.parse(e.data);
    state.maxFileBytes = hello.maxFileBytes;
    $('#role').textContent = hello.role;
    $('#role').dataset.role = hello.role;
    status.textContent = 'live';
    status.className = 'status live';
  });
  es.addEventListener('snapshot', (e) => reset(JSON.parse(e.data)));
  es.addEventListener('message', (e) => upsert(JSON.parse(e.data)));
  es.onerror = () => {
    status.textContent = 'reconnecting…';
    status.className = 'status down';
  };
}

// ---- uploads ----

async function upload(file) {
  if (file.size > state.maxFileBytes) {
    toast(`${file.name} is larger than the ${Math.round(state.maxFileBytes / 1048576)} MB limit.`);
    return;
  }
  await post('/console/upload', file, {
    'content-type': file.type || 'application/pdf',
    'X-File-Name': encodeURIComponent(file.name),
  });
}

$('#pick').addEventListener('click', () => $('#file').click());
$('#file').addEventListener('change', async (e) => {
  for (const f of e.target.files) await upload(f);
  e.target.value = '';
});
for (const b of document.querySelectorAll('[data-sample]')) {
  b.addEventListener('click', async () => {
    b.disabled = true;
    await post('/console/sample', '').finally(() => {
      b.disabled = false;
    });
  });
}

let dragDepth = 0;
const dropzone = $('#dropzone');
window.addEventListener('dragenter', (e) => {
  if (!e.dataTransfer?.types.includes('Files')) return;
  dragDepth++;
  dropzone.hidden = false;
});
window.addEventListener('dragleave', () => {
  dragDepth = Math.max(0, dragDepth - 1);
  if (dragDepth === 0) dropzone.hidden = true;
});
window.addEventListener('dragover', (e) => e.preventDefault());
window.addEventListener('drop', async (e) => {
  e.preventDefault();
  dragDepth = 0;
  dropzone.hidden = true;
  for (const f of e.dataTransfer?.files ?? []) await upload(f);
});

// ---- commands ----

async function command(text) {
  if (!text.trim()) return;
  await postJson('/console/command', { text: `/margin ${text.trim()}` });
}
$('#command').addEventListener('submit', async (e) => {
  e.preventDefault();
  const input = $('#command-text');
  const text = input.value.replace(/^\s*\/?margin\b/i, '');
  input.value = '';
  await command(text);
});
$('#chips').addEventListener('click', (e) => {
  const cmd = e.target.closest('[data-cmd]')?.dataset.cmd;
  if (cmd) command(cmd);
});

// ---- buttons on cards ----

list.addEventListener('click', async (e) => {
  const btn = e.target.closest('button[data-action]');
  if (!btn) return;
  const buttons = btn.closest('.actions').querySelectorAll('button');
  for (const b of buttons) b.disabled = true;
  const messageId = btn.closest('li.msg')?.dataset.id;
  const { data } = await postJson('/console/action', { kind: btn.dataset.action, value: btn.dataset.value, messageId });
  for (const b of buttons) b.disabled = false;
  if (data.form) openEdit(data.form, messageId);
});

// ---- sortable tables (issue 17) ----

// A table the card marks sortable sorts by a header click: figures by their data-value, other
// cells by their text; a second click on the same header reverses. aria-sort tells screen readers.
const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
function cellKey(td) {
  const raw = td?.dataset.value;
  const n = raw === undefined || raw === '' ? Number.NaN : Number(raw);
  return Number.isFinite(n) ? { n } : { t: (td?.textContent ?? '').trim() };
}
function compareKeys(a, b) {
  if (a.n !== undefined && b.n !== undefined) return a.n - b.n;
  if (a.n !== undefined) return -1; // figures before text (a blank or a dash) in ascending order
  if (b.n !== undefined) return 1;
  return collator.compare(a.t, b.t);
}
function sortTable(th) {
  const table = th.closest('table');
  const body = table.tBodies[0];
  if (!body) return;
  const col = th.cellIndex;
  const dir = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
  for (const other of table.tHead.rows[0].cells) other.removeAttribute('aria-sort');
  th.setAttribute('aria-sort', dir);
  const sign = dir === 'ascending' ? 1 : -1;
  const rows = [...body.rows].map((tr, i) => ({ tr, i, key: cellKey(tr.cells[col]) }));
  // Stable: equal keys keep their order.
  rows.sort((a, b) => sign * compareKeys(a.key, b.key) || a.i - b.i);
  body.append(...rows.map((r) => r.tr));
}
function sortableHeader(e) {
  const th = e.target.closest('table.sortable > thead th');
  return th && list.contains(th) ? th : null;
}
list.addEventListener('click', (e) => {
  const th = sortableHeader(e);
  if (th) sortTable(th);
});
list.addEventListener('keydown', (e) => {
  if (e.key !== 'Enter' && e.key !== ' ') return;
  const th = sortableHeader(e);
  if (!th) return;
  e.preventDefault();
  sortTable(th);
});

// ---- the edit dialog ----

const dialog = $('#edit');
function openEdit(form, messageId) {
  state.editing = { form, messageId };
  $('#edit-title').textContent = form.title;
  $('#edit-reason-label').textContent = form.reasonLabel;
  $('#edit-reason').value = '';
  $('#edit-save').textContent = form.submitLabel && form.submitLabel !== 'Save' ? form.submitLabel : 'Save changes';
  $('#edit-error').hidden = true;
  const grid = $('#edit-inputs');
  grid.replaceChildren();
  for (const input of form.inputs) {
    const label = document.createElement('label');
    const span = document.createElement('span');
    span.textContent = input.label;
    let el;
    if (input.kind === 'choice') {
      // Issue 14: the reject reason code.
      el = document.createElement('select');
      el.required = true;
      const none = document.createElement('option');
      none.value = '';
      none.textContent = '—';
      el.append(none);
      for (const o of input.options ?? []) {
        const opt = document.createElement('option');
        opt.value = o.value;
        opt.textContent = o.label;
        el.append(opt);
      }
    } else {
      el = document.createElement('input');
      el.inputMode = input.kind === 'number' ? 'decimal' : 'text';
    }
    el.name = input.name;
    el.value = input.value;
    const err = document.createElement('small');
    err.className = 'err';
    err.dataset.err = input.name;
    label.append(span, el, err);
    grid.append(label);
  }
  dialog.showModal();
}
$('#edit-cancel').addEventListener('click', () => dialog.close());
$('#edit-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const { form, messageId } = state.editing;
  const values = {};
  for (const el of $('#edit-inputs').querySelectorAll('input, select')) values[el.name] = el.value;
  for (const el of dialog.querySelectorAll('.err')) el.textContent = '';
  const { status, data } = await postJson('/console/edit', {
    reportId: form.reportId,
    version: form.version,
    values,
    reason: $('#edit-reason').value,
    messageId,
  });
  if (status === 422 && data.errors) {
    for (const [name, message] of Object.entries(data.errors)) {
      const slot = dialog.querySelector(`[data-err="${CSS.escape(name)}"]`);
      if (slot) slot.textContent = message;
      else {
        $('#edit-error').textContent = message;
        $('#edit-error').hidden = false;
      }
    }
    return;
  }
  dialog.close();
});

// ---- the user switcher ----

const select = $('#user');
select.value = state.user;
// The status page shows admins the recent problems too: it opens as the user acting here.
const statusLink = () => {
  $('#status-link').href = `/console/status?user=${encodeURIComponent(state.user)}`;
};
statusLink();
select.addEventListener('change', () => {
  state.user = select.value;
  localStorage.setItem('marginiq.user', state.user);
  statusLink();
  connect();
});

connect();
