// The timeline page: reads the JSON block written by apg, draws the timeline and keeps the
// filters, the chosen event and the view in the URL fragment. Written by hand, no framework.
// Rule: text from the store is only ever inserted with textContent, never as HTML.
'use strict';
(() => {
  const data = JSON.parse(document.getElementById('apg-data').textContent);
  const $ = (id) => document.getElementById(id);
  const DAY_MS = 86400000;
  const MIN_SPAN = 7;          // days across the view at the closest zoom
  const LABEL_ROWS = [6, 12];  // rows a lane may use to give events their titles: zoomed out, at day scale
  const MARK_ROWS = 4;         // rows for events drawn as marks only (they may overlap)
  const MIN_BAR = 12;          // px: the narrowest mark
  const ROW_EM = 2.3;          // height of a row of events, in rem (as --row in the style sheet)
  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
    'October', 'November', 'December'];
  const STYLES = [['mla', 'MLA'], ['chicago', 'Chicago'], ['apa', 'APA']];
  // Holder colours (background, text), given out in order of first appearance, top office first.
  const PALETTE = [['#1f6fc5', '#fff'], ['#c46a00', '#000'], ['#2a7f2a', '#fff'], ['#c62828', '#fff'],
    ['#8e7cc3', '#000'], ['#c9a100', '#000'], ['#3f729b', '#fff'], ['#a3218f', '#fff'], ['#7cb518', '#000'],
    ['#8a4b08', '#fff'], ['#e377a8', '#000'], ['#3d7a5c', '#fff'], ['#d2b48c', '#000'], ['#9c1d5b', '#fff'],
    ['#007a7a', '#fff'], ['#e08a6a', '#000'], ['#87b5e0', '#000'], ['#5a4fcf', '#fff']];

  // ---- days: whole days since 1970-01-01 (UTC); setUTCFullYear keeps years 1-99 as they are
  function dayFrom(year, month, day) {
    const time = new Date(0);
    time.setUTCFullYear(year, month - 1, day);
    return Math.round(time.getTime() / DAY_MS);
  }
  const dayOf = (iso) => dayFrom(...iso.split('-').map(Number));
  function partsOf(day) {
    const time = new Date(day * DAY_MS);
    return { year: time.getUTCFullYear(), month: time.getUTCMonth() + 1, day: time.getUTCDate() };
  }
  const pad = (n, width = 2) => String(n).padStart(width, '0');
  function isoOf(day) {
    const p = partsOf(day);
    return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
  }
  function humanDay(day) {
    const p = partsOf(day);
    return `${p.day} ${MONTHS[p.month - 1]} ${p.year}`;
  }

  // Case- and accent-insensitive text, as `apg timeline --grep` compares it.
  const fold = (text) => text.toLowerCase().replace(/ß/g, 'ss').replace(/ς/g, 'σ')
    .normalize('NFKD').replace(/\p{Mn}/gu, '');

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }
  const storeText = (tag, text) => element(tag, 't', text);  // isolated: bidi controls stay inside

  // ---- the record
  const people = data.people;
  const sources = data.sources;
  const events = data.events.map((record, order) => ({
    record, order, start: dayOf(record.start), end: dayOf(record.end) + 1,
    title: fold(record.title), summary: fold(record.summary || ''), node: null, lane: null,
  }));
  const byId = new Map(events.map((event) => [event.record.id, event]));
  const themes = data.themes.map((theme) => ({ ...theme, events: events.filter((e) => e.record.theme === theme.id) }));
  const extent = recordExtent();

  function recordExtent() {
    if (events.length) {
      return { a: Math.min(...events.map((e) => e.start)), b: Math.max(...events.map((e) => e.end)) };
    }
    const starts = data.terms.map((t) => dayOf(t.start));
    return starts.length ? { a: Math.min(...starts), b: Math.max(...starts) + 365 }
      : { a: dayFrom(1953, 3, 5), b: dayFrom(1962, 1, 1) };
  }

  // ---- state: filters and the chosen event live in the fragment; the view follows quietly
  const state = { people: [], tags: [], q: '', event: null };
  let view = { a: extent.a, b: extent.b };
  let current = null;   // the event that takes the focus in the timeline (roving tabindex)

  function readFragment() {
    const params = new URLSearchParams(location.hash.replace(/^#/, ''));
    const list = (key) => params.getAll(key).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
    const range = (params.get('view') || '').match(/^(\d{4})-(\d\d)-(\d\d)\/(\d{4})-(\d\d)-(\d\d)$/);
    return {
      people: list('person'), tags: list('tag'), q: params.get('q') || '', event: params.get('event') || null,
      view: range ? { a: dayFrom(+range[1], +range[2], +range[3]), b: dayFrom(+range[4], +range[5], +range[6]) + 1 }
        : null,
    };
  }

  function fragment() {
    const params = new URLSearchParams();
    if (state.people.length) params.set('person', state.people.join(','));
    if (state.tags.length) params.set('tag', state.tags.join(','));
    if (state.q) params.set('q', state.q);
    if (state.event) params.set('event', state.event);
    params.set('view', `${isoOf(Math.floor(view.a))}/${isoOf(Math.ceil(view.b) - 1)}`);
    return '#' + params.toString().replace(/%2C/g, ',').replace(/%2F/g, '/');
  }

  function remember(newEntry) {
    if (newEntry) history.pushState(null, '', fragment());
    else history.replaceState(null, '', fragment());
  }

  function applyFragment(initial) {
    const wanted = readFragment();
    Object.assign(state, { people: wanted.people, tags: wanted.tags, q: wanted.q, event: wanted.event });
    syncControls();
    applyFilters();
    if (wanted.view) setView(wanted.view.a, wanted.view.b, false);
    else if (initial) fit(false);
    const chosen = state.event && byId.get(state.event);
    if (chosen) {
      if (!wanted.view) closeUpOn(chosen);
      showPanel(chosen, false);
    } else {
      hidePanel(false);
      if (state.event) say(`No event has the id “${state.event}”.`);
    }
  }

  // ---- filters: the same rules as apg timeline --person (any), --tag (any), --grep
  // Each name as `apg --person` reads it: an id, or a unique match on a word of a person's names
  // (whole words first, then prefixes), ignoring case and accents; null where none or several match.
  function personIds(names) {
    const words = (id) => [id, people[id].name, ...people[id].aliases, people[id].full_name, people[id].native]
      .filter(Boolean).map(fold)
      .flatMap((whole) => [whole, ...whole.replace(/-/g, ' ').split(/\s+/).filter(Boolean)]);
    return names.map((name) => {
      if (Object.hasOwn(people, name)) return name;
      const wanted = fold(name.trim());
      const exact = Object.keys(people).filter((id) => words(id).includes(wanted));
      const prefix = Object.keys(people).filter((id) => wanted && words(id).some((w) => w.startsWith(wanted)));
      const found = exact.length ? exact : prefix;
      return found.length === 1 ? found[0] : null;
    });
  }

  function applyFilters() {
    const ids = personIds(state.people);
    const unknown = state.people.filter((_, i) => ids[i] === null);
    const needle = state.q ? fold(state.q) : null;
    let shown = 0;
    for (const event of events) {
      const r = event.record;
      const visible = !unknown.length
        && (!ids.length || r.people.some((p) => ids.includes(p)))
        && (!state.tags.length || r.tags.some((t) => state.tags.includes(t)))
        && (needle === null || event.title.includes(needle) || event.summary.includes(needle));
      event.node.hidden = !visible;
      if (visible) shown += 1;
    }
    for (const term of termNodes) {
      term.node.classList.toggle('dim', ids.length > 0 && !ids.includes(term.record.person));
    }
    $('empty').hidden = shown > 0;
    if (current && current.node.hidden) current = null;
    rovingFocus(current || visibleEvents()[0] || null);
    const filters = describeFilters(unknown);
    say(`Showing ${shown} of ${events.length} events${filters ? ' · ' + filters : ''}.`);
    $('print-filters').textContent = filters ? 'Filtered by ' + filters + '.' : '';
    printList();
    draw();
  }

  function describeFilters(unknown) {
    const parts = [];
    if (unknown.length) parts.push(`no person matches “${unknown.join(', ')}”`);
    else if (state.people.length) {
      parts.push('person ' + personIds(state.people).map((id) => people[id].name).join(' or '));
    }
    if (state.tags.length) parts.push('tag ' + state.tags.join(' or '));
    if (state.q) parts.push(`text “${state.q}”`);
    return parts.join(' · ');
  }

  const visibleEvents = () => events.filter((e) => !e.node.hidden);

  function say(message) { $('status').textContent = message; }

  function setFilter(change) {
    Object.assign(state, change);
    remember(true);
    syncControls();
    applyFilters();
  }

  function syncControls() {
    setSelect($('person'), state.people.join(','), state.people.join(', '));
    setSelect($('tag'), state.tags.join(','), state.tags.join(', '));
    if ($('q').value !== state.q) $('q').value = state.q;
  }

  function setSelect(select, value, label) {
    select.querySelectorAll('option.extra').forEach((o) => o.remove());
    if (value && ![...select.options].some((o) => o.value === value)) {
      const option = element('option', 'extra', label);
      option.value = value;
      select.append(option);
    }
    select.value = value;
  }

  function buildControls() {
    const inEvents = new Set(data.events.flatMap((r) => r.people));
    const key = (id) => fold(people[id].name);
    const byName = (x, y) => (key(x) < key(y) ? -1 : key(x) > key(y) ? 1 : 0);
    const named = [...inEvents].filter((id) => Object.hasOwn(people, id)).sort(byName);
    for (const id of named) {
      const option = element('option', 't', people[id].name);
      option.value = id;
      $('person').append(option);
    }
    for (const tag of [...new Set(data.events.flatMap((r) => r.tags))].sort()) {
      const option = element('option', 't', tag);
      option.value = tag;
      $('tag').append(option);
    }
    const chosen = (select) => (select.value ? select.value.split(',') : []);
    $('person').addEventListener('change', (e) => setFilter({ people: chosen(e.target) }));
    $('tag').addEventListener('change', (e) => setFilter({ tags: chosen(e.target) }));
    let typing = null;
    $('q').addEventListener('input', (e) => {
      clearTimeout(typing);
      typing = setTimeout(() => { state.q = e.target.value; remember(false); applyFilters(); }, 150);
    });
    $('filters').addEventListener('submit', (e) => e.preventDefault());
    $('filters').addEventListener('reset', (e) => {
      e.preventDefault();
      Object.assign(state, { people: [], tags: [], q: '', event: null });
      hidePanel(false);
      syncControls();
      applyFilters();
      fit(false);
      remember(true);
    });
  }

  // ---- the view: days from view.a (inclusive) to view.b (exclusive) across the viewport
  const viewport = $('viewport');
  // Read from the layout once per drawing (reading it between writes would force a layout each time).
  const metrics = { width: 1, rowHeight: 40, termFont: '', labelFont: '', labelMax: 300 };
  function measure() {
    metrics.width = viewport.clientWidth || 1;
    const root = parseFloat(getComputedStyle(document.documentElement).fontSize);
    metrics.rowHeight = root * ROW_EM;
    const termFont = termNodes.length ? getComputedStyle(termNodes[0].node).font : '';
    const label = events.length ? getComputedStyle(events[0].label) : null;
    const labelFont = label ? label.font : '';
    if (termFont !== metrics.termFont || labelFont !== metrics.labelFont) {
      for (const term of termNodes) term.widths = null;
      for (const event of events) event.measured = undefined;
    }
    Object.assign(metrics, { termFont, labelFont, labelMax: label ? parseFloat(label.fontSize) * 18 : 300 });
  }
  const width = () => metrics.width;
  const xOf = (day) => (day - view.a) / (view.b - view.a) * width();
  const dayAt = (x) => view.a + x / width() * (view.b - view.a);
  const clampX = (x) => Math.max(-64, Math.min(width() + 64, x));  // keep huge spans inside CSS limits

  function setView(a, b, remembered = true) {
    const widest = Math.max((extent.b - extent.a) * 1.2, MIN_SPAN * 4);
    let span = Math.min(Math.max(b - a, MIN_SPAN), widest);
    let centre = Math.min(Math.max((a + b) / 2, extent.a), extent.b);
    if (!Number.isFinite(centre) || !Number.isFinite(span)) { centre = (extent.a + extent.b) / 2; span = widest; }
    view = { a: centre - span / 2, b: centre + span / 2 };
    scheduleDraw();
    if (remembered) rememberView();
  }

  let viewTimer = null;
  function rememberView() {
    clearTimeout(viewTimer);
    viewTimer = setTimeout(() => remember(false), 250);
  }

  function zoom(factor, anchorX = width() / 2) {
    const anchor = dayAt(anchorX);
    const span = (view.b - view.a) * factor;
    const a = anchor - anchorX / width() * span;
    setView(a, a + span);
  }

  function pan(pixels) {
    const days = pixels / width() * (view.b - view.a);
    setView(view.a - days, view.b - days);
  }

  function fit(remembered = true) {
    const margin = Math.max((extent.b - extent.a) * 0.03, 1);
    setView(extent.a - margin, extent.b + margin, remembered);
  }

  // A chosen event seen close up, with weeks around it.
  function closeUpOn(event) {
    const span = Math.min(Math.max((event.end - event.start) * 4, 45), view.b - view.a);
    const middle = (event.start + event.end) / 2;
    setView(middle - span / 2, middle + span / 2, false);
  }

  function reveal(event) {
    const span = view.b - view.a;
    if (event.end <= view.a || event.start >= view.b) {
      const middle = (event.start + Math.min(event.end, event.start + span * 0.8)) / 2;
      setView(middle - span / 2, middle + span / 2);
    } else if (xOf(event.start) > width() - 40) {
      pan(-(xOf(event.start) - width() * 0.6));
    }
    draw();
  }

  // ---- drawing
  let drawPending = false;
  function scheduleDraw() {
    if (drawPending) return;
    drawPending = true;
    requestAnimationFrame(() => { drawPending = false; draw(); });
  }

  function draw() {
    drawPending = false;
    measure();
    const scale = drawAxis();
    drawOffices();
    drawLanes();
    viewport.scrollLeft = 0;
    const first = Math.floor(view.a);
    const last = Math.ceil(view.b) - 1;
    const timeline = $('timeline');
    timeline.dataset.viewStart = isoOf(first);
    timeline.dataset.viewEnd = isoOf(last);
    timeline.dataset.scale = scale;
    $('range').textContent = `${humanDay(first)} – ${humanDay(last)}`;
  }

  // The axis: days under months, months under years, or years alone, whichever fits.
  function drawAxis() {
    const perDay = width() / (view.b - view.a);
    const dayStep = [1, 2, 5].find((s) => perDay * s >= 26);
    const monthStep = [1, 3, 6].find((s) => perDay * 30.4 * s >= 34);
    const yearStep = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000].find((s) => perDay * 365.25 * s >= 44) || 5000;
    let major; let minor; let scale;
    if (dayStep) {
      scale = 'day';
      major = monthTicks(1, (p) => `${MONTH_NAMES[p.month - 1]} ${p.year}`);
      minor = dayTicks(dayStep);
    } else if (monthStep) {
      scale = 'month';
      major = yearTicks(1);
      minor = monthTicks(monthStep, (p) => MONTHS[p.month - 1]);
    } else {
      scale = 'year';
      major = yearTicks(yearStep);
      minor = [];
    }
    const labels = document.createDocumentFragment();
    const lines = document.createDocumentFragment();
    major.forEach((tick, i) => {
      const next = major[i + 1] ? xOf(major[i + 1].day) : Infinity;
      const left = Math.max(xOf(tick.day), 0);  // the unit the view starts in stays named...
      if (next - left >= tick.text.length * 9) labels.append(axisLabel('major', tick.text, left));  // ...if it fits
      lines.append(gridLine(tick.day, 'major'));
    });
    for (const tick of minor) {
      labels.append(axisLabel('minor', tick.text, xOf(tick.day)));
      if (!major.some((m) => m.day === tick.day)) lines.append(gridLine(tick.day, ''));
    }
    $('axis').replaceChildren(labels);
    $('grid').replaceChildren(lines);
    return scale;
  }

  function axisLabel(className, text, left) {
    const label = element('span', className, text);
    label.style.left = left + 'px';
    return label;
  }

  function gridLine(day, className) {
    const line = element('i', className);
    line.style.left = xOf(day) + 'px';
    return line;
  }

  function dayTicks(step) {
    const ticks = [];
    for (let day = Math.floor(view.a); day < view.b; day += 1) {
      const p = partsOf(day);
      if ((p.day - 1) % step === 0 && (step === 1 || p.day <= 26)) ticks.push({ day, text: String(p.day) });
    }
    return ticks;
  }

  function monthTicks(step, text) {
    const ticks = [];
    const p = partsOf(Math.floor(view.a));
    for (let year = p.year, month = p.month; ; month += 1) {
      if (month > 12) { month = 1; year += 1; }
      const day = dayFrom(year, month, 1);
      if (day >= view.b) break;
      if ((month - 1) % step === 0) ticks.push({ day, text: text({ year, month }) });
    }
    return ticks;
  }

  function yearTicks(step) {
    const ticks = [];
    const first = Math.floor(partsOf(Math.floor(view.a)).year / step) * step;
    for (let year = Math.max(first, 1); year <= 9999; year += step) {
      const day = dayFrom(year, 1, 1);
      if (day >= view.b) break;
      ticks.push({ day, text: String(year) });
    }
    return ticks;
  }

  // ---- the offices band, as `apg offices` draws it: a row per office, a bar per term
  const termNodes = [];
  const canvas = document.createElement('canvas').getContext('2d');
  let canvasFont = '';
  function textWidth(text, font) {
    if (canvasFont !== font) {
      canvas.font = font;
      canvasFont = font;
    }
    return canvas.measureText(text).width;
  }

  function buildOffices() {
    const colours = new Map();
    const band = $('offices');
    for (const office of data.offices) {
      const terms = data.terms.filter((t) => t.office === office.id);
      const row = element('div', 'office');
      row.setAttribute('role', 'list');
      row.setAttribute('aria-label', office.title);
      const label = storeText('span', office.short);
      label.className = 'office-label t';
      label.setAttribute('aria-hidden', 'true');
      const existed = element('span', 'existed');
      row.append(existed, label);
      for (const term of terms) {
        if (!colours.has(term.person)) colours.set(term.person, PALETTE[colours.size % PALETTE.length]);
        const [background, foreground] = colours.get(term.person);
        const node = element('div', 'term t' + (term.end ? '' : ' open-ended'));
        node.setAttribute('role', 'listitem');
        node.dataset.person = term.person;
        const name = Object.hasOwn(people, term.person) ? people[term.person].name : term.person;
        node.setAttribute('aria-label', `${office.short}: ${name}, ${term.when}`);
        node.title = `${name}: ${office.title}, ${term.when}`;
        node.style.background = background;
        node.style.color = foreground;
        node.addEventListener('click', () => setFilter({ people: [term.person] }));
        row.append(node);
        const end = term.end ? dayOf(term.end) + 1 : null;  // null: still in office when the record ends
        termNodes.push({ record: term, node, name, start: dayOf(term.start), end });
      }
      band.append(row);
      office.node = existed;
    }
  }

  function drawOffices() {
    const openEnd = Math.max(extent.b, view.b);
    for (const office of data.offices) {
      const a = office.start ? dayOf(office.start) : -1e7;
      const b = office.end ? dayOf(office.end) + 1 : 1e7;
      office.node.style.left = clampX(xOf(a)) + 'px';
      office.node.style.width = Math.max(0, clampX(xOf(b)) - clampX(xOf(a))) + 'px';
    }
    for (const term of termNodes) {
      const left = clampX(xOf(term.start));
      const right = clampX(xOf(term.end === null ? openEnd : term.end));
      const size = Math.max(right - left, 2);
      term.node.style.left = left + 'px';
      term.node.style.width = size + 'px';
      if (!term.widths) {
        const words = term.name.split(/\s+/);
        term.widths = [term.name, words[words.length - 1], words.map((w) => w[0]).join('')]
          .map((text) => [text, textWidth(text, metrics.termFont)]);
      }
      const fits = term.widths.find(([, needed]) => needed + 8 <= size);
      const text = fits ? fits[0] : '';
      if (term.node.textContent !== text) term.node.textContent = text;
    }
  }

  // ---- the lanes: one per theme, events packed into rows so that titles never overlap
  function buildLanes() {
    const lanes = $('lanes');
    for (const theme of themes) {
      const lane = element('section', 'lane');
      lane.dataset.theme = theme.id;
      const heading = storeText('h3', theme.title);
      heading.id = 'lane-' + theme.id;
      lane.setAttribute('aria-labelledby', heading.id);
      const body = element('div', 'lane-body');
      for (const event of theme.events) {
        event.lane = theme;
        body.append(eventNode(event));
      }
      lane.append(heading, body);
      theme.body = body;
      lanes.append(lane);
    }
  }

  function eventNode(event) {
    const r = event.record;
    const node = element('button', 'event');
    node.type = 'button';
    node.dataset.eventId = r.id;
    node.tabIndex = -1;
    node.setAttribute('aria-pressed', 'false');
    node.classList.toggle('imprecise', r.precision !== 'day');
    node.classList.toggle('approximate', r.approximate);
    node.classList.toggle('uncertain', r.uncertain);
    node.title = `${r.title} (${r.words})`;
    node.setAttribute('aria-label', `${r.title}, ${r.words}`);  // the date in words, for screen readers
    const label = storeText('span', r.title);
    label.className = 'label t';
    node.append(element('span', 'bar'), label);
    node.addEventListener('click', () => choose(event));
    node.addEventListener('focus', () => rovingFocus(event));
    event.node = node;
    event.label = label;
    return node;
  }

  // Titled events first, each in the first row where its title is free; those that find no room in
  // LABEL_ROWS rows are drawn as marks only (the title stays in the tooltip and for screen readers).
  function drawLanes() {
    const rowHeight = metrics.rowHeight;
    const markHeight = rowHeight / 2;
    const labelRows = LABEL_ROWS[width() / (view.b - view.a) >= 20 ? 1 : 0];
    for (const theme of themes) {
      const rows = [];  // for each row, the [left, right] pixels it holds
      const freeRow = (left, right) => rows.findIndex((row) => row.every(([a, b]) => right <= a || left >= b));
      const take = (row, left, right) => {
        if (row === rows.length) rows.push([]);
        rows[row].push([left, right]);
        return row;
      };
      const shown = theme.events.filter((e) => !e.node.hidden).sort((x, y) => x.start - y.start || x.order - y.order);
      const marksOnly = [];
      for (const event of shown) {
        const at = geometry(event);
        if (at === null) {
          offscreen(event);
          continue;
        }
        const right = at.x0 + Math.max(at.bar, at.labelAt + labelWidth(event)) + 6;
        let row = freeRow(at.x0, right);
        if (row === -1 && rows.length < labelRows) row = rows.length;
        if (row === -1) marksOnly.push([event, at]);
        else placeEvent(event, at, take(row, at.x0, right) * rowHeight, right - at.x0 - 6);
      }
      // Rows opened for marks alone are lower: they hold no title.
      const titledRows = rows.length;
      const top = (row) => Math.min(row, titledRows) * rowHeight + Math.max(row - titledRows, 0) * markHeight;
      for (const [event, at] of marksOnly) {
        let row = freeRow(at.x0, at.x0 + at.bar + 2);
        if (row === -1) row = Math.min(rows.length, titledRows + MARK_ROWS - 1);  // the last row may overlap
        placeEvent(event, at, top(take(row, at.x0, at.x0 + at.bar + 2)), null);
      }
      theme.body.style.height = top(rows.length) + 'px';
      theme.body.parentNode.hidden = shown.length === 0;
    }
  }

  // Where an event's mark and title go, or null when it lies outside the view.
  function geometry(event) {
    const x0 = clampX(xOf(event.start));
    const x1 = clampX(xOf(event.end));
    if (x1 < 0 || x0 > width()) return null;
    const bar = Math.max(x1 - x0, MIN_BAR);
    const point = x1 - x0 < MIN_BAR;
    const labelAt = Math.max(0, Math.min(-x0, bar - 60));  // a span begun left of the view keeps its title in sight
    return { x0, bar, point, labelAt };
  }

  // Out of view, but still in the page for screen readers and the keys (which bring it into view).
  function offscreen(event) {
    event.node.style.left = '-100000px';
    event.node.style.top = '0';
  }

  function labelWidth(event) {
    if (event.measured === undefined) {
      const title = event.record.title + (event.record.uncertain ? ' ?' : '');
      event.measured = Math.min(textWidth(title, metrics.labelFont) + 8, metrics.labelMax);
    }
    return event.measured;
  }

  function placeEvent(event, at, top, titled) {
    const node = event.node;
    node.style.left = at.x0 + 'px';
    node.style.top = top + 'px';
    node.style.width = (titled === null ? at.bar : titled) + 'px';
    node.firstChild.style.width = at.bar + 'px';
    event.label.style.left = at.labelAt + 'px';
    node.classList.toggle('point', at.point);
    node.classList.toggle('collapsed', titled === null);
  }

  // ---- choosing an event, and keyboard navigation between events
  function rovingFocus(event) {
    if (current && current !== event) current.node.tabIndex = -1;
    current = event;
    if (event) event.node.tabIndex = 0;
  }

  function choose(event) {
    state.event = event.record.id;
    remember(true);
    showPanel(event, true);
  }

  function moveTo(event) {
    if (!event) return;
    rovingFocus(event);
    reveal(event);
    event.node.focus({ preventScroll: true });
    event.node.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    viewport.scrollLeft = 0;
  }

  function laneNeighbour(from, direction) {
    const order = themes.filter((t) => t === from.lane || t.events.some((e) => !e.node.hidden));
    const lane = order[order.indexOf(from.lane) + direction];
    if (!lane) return null;
    const candidates = lane.events.filter((e) => !e.node.hidden);
    const distance = (e) => Math.abs(e.start - from.start);
    return candidates.reduce((best, e) => (distance(e) < distance(best) ? e : best), candidates[0]);
  }

  viewport.addEventListener('keydown', (e) => {
    const shown = visibleEvents();
    const at = current ? shown.indexOf(current) : -1;
    const step = width() / 4;
    const keys = {
      ArrowRight: () => (e.shiftKey ? pan(-step) : moveTo(shown[Math.min(at + 1, shown.length - 1)])),
      ArrowLeft: () => (e.shiftKey ? pan(step) : moveTo(shown[Math.max(at - 1, 0)])),
      ArrowDown: () => current && moveTo(laneNeighbour(current, 1)),
      ArrowUp: () => current && moveTo(laneNeighbour(current, -1)),
      Home: () => moveTo(shown[0]),
      End: () => moveTo(shown[shown.length - 1]),
      '+': () => zoomKey(0.5), '=': () => zoomKey(0.5), '-': () => zoomKey(2), '_': () => zoomKey(2),
      0: () => fit(),
    };
    const action = keys[e.key];
    if (!action || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    action();
  });

  function zoomKey(factor) {
    const anchor = current && !current.node.hidden ? xOf((current.start + current.end) / 2) : width() / 2;
    zoom(factor, Math.min(Math.max(anchor, 0), width()));
  }

  // ---- the detail panel
  function showPanel(event, focus) {
    const r = event.record;
    for (const e of events) e.node.setAttribute('aria-pressed', String(e === event));
    rovingFocus(event);
    $('panel-when').textContent = r.when;
    $('panel-stored').textContent = r.date;
    $('panel-title').textContent = r.title;
    $('panel-words').textContent = r.words;
    $('panel-summary').textContent = r.summary;
    $('panel-id').textContent = r.id;
    const personName = (id) => (Object.hasOwn(people, id) ? people[id].name : id);
    fillChips('panel-people', r.people, personName, (id) => ({ people: [id] }), (name) => `Show the events of ${name}`);
    fillChips('panel-tags', r.tags, (tag) => tag, (tag) => ({ tags: [tag] }), (tag) => `Show the events tagged ${tag}`);
    const notes = $('panel-notes').querySelector('ul');
    notes.replaceChildren(...r.notes.map((note, index) => {
      const item = element('li');
      const refs = r.note_refs[index].map((number) => `[${number}]`).join(' ');
      item.append(storeText('span', note.text), element('span', 'refs', refs ? ` — sources ${refs}` : ''));
      return item;
    }));
    $('panel-notes').hidden = r.notes.length === 0;
    $('panel-sources').querySelector('ol').replaceChildren(...r.cited.map((c, i) => sourceItem(c, i + 1)));
    $('panel-sources').hidden = r.cited.length === 0;
    $('panel').hidden = false;
    if (event.node.hidden) say('The chosen event is hidden by the filters.');
    if (focus) $('panel-title').focus();
    scheduleDraw();  // the panel may have narrowed the timeline
  }

  function fillChips(id, values, text, filter, label) {
    const list = $(id).querySelector('ul');
    list.replaceChildren(...values.map((value) => {
      const item = element('li');
      const button = storeText('button', text(value));
      button.type = 'button';
      button.setAttribute('aria-label', label(text(value)));
      button.addEventListener('click', () => setFilter(filter(value)));
      item.append(button);
      return item;
    }));
    $(id).hidden = values.length === 0;
  }

  // A cited source written out, with where in it the claim was read ("p. 312"), and its copy buttons.
  function sourceItem(citation, number) {
    const item = element('li');
    const source = Object.hasOwn(sources, citation.id) ? sources[citation.id] : null;
    if (!source) {
      item.append(storeText('span', citation.id));
      return item;
    }
    item.append(linkedText(source.text + (citation.locator ? ` (${citation.locator})` : ''), source.url));
    const copy = element('div', 'copy');
    for (const [style, name] of STYLES) {
      const button = element('button', null, `Copy ${name}`);
      button.type = 'button';
      button.dataset.style = style;
      button.setAttribute('aria-label', `Copy the ${name} citation of source ${number}`);
      button.addEventListener('click', () => copyCitation(source, style, name));
      copy.append(button);
    }
    item.append(copy);
    return item;
  }

  // Only http and https addresses become links; anything else stays plain text.
  function safeUrl(url) {
    if (typeof url !== 'string') return null;
    try {
      const parsed = new URL(url);
      return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
    } catch (_) {
      return null;
    }
  }

  // The written-out reference, with the address it quotes (MLA drops the scheme) made a link.
  function linkedText(text, raw) {
    const span = element('span', 't');
    const url = safeUrl(raw);
    if (!url) {
      span.textContent = text;
      return span;
    }
    const quoted = [raw, raw.replace(/^https?:\/\//i, '')].find((u) => text.includes(u));
    const link = element('a', 't', quoted || url);
    link.href = url;
    link.rel = 'noreferrer noopener';
    link.target = '_blank';
    if (quoted) {
      const at = text.indexOf(quoted);
      span.append(text.slice(0, at), link, text.slice(at + quoted.length));
    } else {
      span.append(text, ' ', link);
    }
    return span;
  }

  // The one place that writes to the clipboard; tests stand in for navigator.clipboard.
  async function copyText(text) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch (_) {
      const area = element('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.className = 'visually-hidden';
      document.body.append(area);
      area.select();
      let done = false;
      try { done = document.execCommand('copy'); } catch (__) { done = false; }
      area.remove();
      return done;
    }
  }

  async function copyCitation(source, style, name) {
    const done = await copyText(source.cite[style]);
    say(done ? `Copied the ${name} citation.` : `Could not copy: select the ${name} text by hand.`);
  }

  function hidePanel(restoreFocus) {
    $('panel').hidden = true;
    for (const e of events) e.node.setAttribute('aria-pressed', 'false');
    if (restoreFocus && current) current.node.focus({ preventScroll: true });
    scheduleDraw();
  }

  $('panel-close').addEventListener('click', () => closePanel());
  function closePanel() {
    state.event = null;
    remember(true);
    hidePanel(true);
  }
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !$('panel').hidden) closePanel();
  });

  // ---- the printed list: the visible events, dated
  function printList() {
    $('print-list').replaceChildren(...visibleEvents().map((event) => {
      const item = element('li');
      const time = storeText('time', event.record.when);
      time.dateTime = event.record.start;
      item.append(time, ' ', storeText('span', event.record.title));
      return item;
    }));
  }

  // ---- mouse, touch and pen: drag to move, pinch or Ctrl+wheel to zoom, double-click to zoom in
  const pointers = new Map();
  let gesture = null;
  let swallowClick = false;
  const localX = (clientX) => clientX - viewport.getBoundingClientRect().left;

  viewport.addEventListener('pointerdown', (e) => {
    if (e.pointerType === 'mouse' && e.button !== 0) return;
    pointers.set(e.pointerId, e.clientX);
    gesture = { moved: 0, pinch: pointers.size === 2 ? pinchStart() : null };
  });
  viewport.addEventListener('pointermove', (e) => {
    if (!pointers.has(e.pointerId) || !gesture) return;
    const dx = e.clientX - pointers.get(e.pointerId);
    pointers.set(e.pointerId, e.clientX);
    if (gesture.pinch && pointers.size === 2) {
      const [p, q] = [...pointers.values()];
      const distance = Math.max(Math.abs(p - q), 10);
      const span = gesture.pinch.span * gesture.pinch.distance / distance;
      const middle = localX((p + q) / 2);
      const a = gesture.pinch.anchor - middle / width() * span;
      setView(a, a + span);
      return;
    }
    gesture.moved += Math.abs(dx);
    if (gesture.moved > 4) {
      if (!viewport.classList.contains('dragging')) {
        viewport.classList.add('dragging');
        viewport.setPointerCapture(e.pointerId);
      }
      pan(dx);
    }
  });
  function pinchStart() {
    const [p, q] = [...pointers.values()];
    return { distance: Math.max(Math.abs(p - q), 10), span: view.b - view.a, anchor: dayAt(localX((p + q) / 2)) };
  }
  function pointerEnd(e) {
    if (!pointers.delete(e.pointerId)) return;
    if (viewport.classList.contains('dragging') || (gesture && gesture.pinch)) swallowClick = true;
    if (pointers.size === 0) {
      viewport.classList.remove('dragging');
      gesture = null;
      setTimeout(() => { swallowClick = false; }, 0);
    } else {
      gesture = { moved: 0, pinch: null };
    }
  }
  viewport.addEventListener('pointerup', pointerEnd);
  viewport.addEventListener('pointercancel', pointerEnd);
  viewport.addEventListener('click', (e) => {
    if (swallowClick) { e.stopPropagation(); e.preventDefault(); swallowClick = false; }
  }, true);
  viewport.addEventListener('wheel', (e) => {
    const unit = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? width() : 1;
    if (e.ctrlKey) {
      e.preventDefault();
      zoom(Math.exp(e.deltaY * unit * 0.004), localX(e.clientX));
    } else if (e.shiftKey || Math.abs(e.deltaX) > Math.abs(e.deltaY)) {
      e.preventDefault();
      pan(-(e.shiftKey && !e.deltaX ? e.deltaY : e.deltaX) * unit);
    }
  }, { passive: false });
  viewport.addEventListener('dblclick', (e) => {
    if (e.target.closest('.event')) return;
    zoom(e.shiftKey ? 2 : 0.5, localX(e.clientX));
  });
  viewport.addEventListener('scroll', () => { viewport.scrollLeft = 0; viewport.scrollTop = 0; });

  // The skip link must not touch the fragment, which holds the filters.
  document.querySelector('.skip').addEventListener('click', (e) => {
    e.preventDefault();
    if (current) moveTo(current);
    else $('timeline').focus();
  });
  $('zoom-in').addEventListener('click', () => zoom(0.5));
  $('zoom-out').addEventListener('click', () => zoom(2));
  $('zoom-fit').addEventListener('click', () => fit());
  new ResizeObserver(() => draw()).observe(viewport);
  window.addEventListener('hashchange', () => applyFragment(false));
  window.addEventListener('popstate', () => applyFragment(false));

  // ---- start
  function describeRecord() {
    if (!events.length) return 'No events.';
    return `${events.length} events, ${partsOf(extent.a).year}–${partsOf(extent.b - 1).year}; ` +
      `${Object.keys(sources).length} sources.`;
  }
  $('summary').textContent = describeRecord();
  $('colophon').textContent = `Made by apg ${data.version}. Offices: who held which office when; ` +
    'lanes: the events grouped by theme.';
  buildOffices();
  buildLanes();
  buildControls();
  applyFragment(true);
})();
