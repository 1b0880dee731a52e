// EgoStream live dashboard: plain JavaScript and SVG, data from the analyzer's HTTP API.
'use strict';

(function () {
  var SVG = 'http://www.w3.org/2000/svg';
  var TASKS = ['AR', 'OSCC', 'PNR', 'LTA', 'MQ'];
  var LANES = [
    { task: 'AR', title: 'Actions', rows: 4 },
    { task: 'OSCC', title: 'State changes', rows: 4 },
    { task: 'PNR', title: 'PNR keyframes', rows: 1 },
    { task: 'MQ', title: 'Moments', rows: 3 }
  ];
  var SPAN_SECONDS = 90;

  var selected = null;
  var timeline = null;
  var source = null;
  var lastEmitted = 0;
  var history = { frames: [], events: [] };

  function $(id) { return document.getElementById(id); }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function svgEl(tag, attrs, text) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function getJson(url) {
    return fetch(url, { cache: 'no-store' }).then(function (r) {
      return r.json().then(function (body) {
        if (!r.ok) { throw new Error(body.message || ('HTTP ' + r.status)); }
        return body;
      });
    });
  }

  function fixed(v, digits) { return v === null || v === undefined ? '–' : Number(v).toFixed(digits); }

  function duration(seconds) {
    if (seconds === null || seconds === undefined) { return '–'; }
    return seconds < 1 ? (seconds * 1000).toFixed(0) + ' ms' : seconds.toFixed(2) + ' s';
  }

  function label(l) { return l ? l.label : '?'; }

  function best(labels, head) {
    return (labels || []).find(function (l) { return l.head === head; });
  }

  // One line per event, as EventSummaries writes it on the server.
  function summary(e) {
    switch (e.task) {
      case 'AR': {
        var v = best(e.labels, 'verb'), n = best(e.labels, 'noun');
        return label(v) + ' / ' + label(n) + ' (' + fixed(Math.min(v ? v.score : 0, n ? n.score : 0), 2) + ')';
      }
      case 'OSCC':
        return e.labels.length ? 'state change ' + e.labels[0].label + ' (' + fixed(e.labels[0].score, 2) + ')'
          : 'state change ?';
      case 'PNR':
        return 'keyframe ' + fixed(e.keyframe.timeSeconds, 1) + ' s (' + fixed(e.keyframe.score, 2) + ')';
      case 'LTA':
        return 'next: ' + e.future.slice(0, 3).map(function (f) { return f.verb.label + ' ' + f.noun.label; })
          .join(', ') + (e.future.length > 3 ? ', ...' : '');
      default:
        return (e.labels.length ? e.labels[0].label : 'moment') + ' ' + fixed(e.time.startSeconds, 1) + '-'
          + fixed(e.time.endSeconds, 1) + ' s (' + fixed(e.labels.length ? e.labels[0].score : 0, 2) + ')';
    }
  }

  // ---- camera list ----------------------------------------------------------------------------------------------

  function renderCameras(list) {
    var tbody = document.querySelector('#camera-table tbody');
    var seen = {};
    list.cameras.forEach(function (c) {
      seen[c.cameraId] = true;
      var row = tbody.querySelector('tr[data-camera="' + CSS.escape(c.cameraId) + '"]');
      if (!row) {
        row = el('tr', { 'data-camera': c.cameraId });
        ['camera', 'status', 'fps num', 'lag num', 'frames num', 'last-event'].forEach(function (cls) {
          row.appendChild(el('td', { 'class': cls }));
        });
        row.addEventListener('click', function () { select(c.cameraId); });
        tbody.appendChild(row);
      }
      row.classList.toggle('selected', c.cameraId === selected);
      row.querySelector('.camera').textContent = c.cameraId;
      var status = row.querySelector('.status');
      status.setAttribute('data-status', c.status);
      status.innerHTML = '';
      status.appendChild(el('span', { 'class': 'badge ' + c.status }, c.status));
      row.querySelector('.fps').textContent = fixed(c.framesPerSecond, 2);
      row.querySelector('.lag').textContent = duration(c.lagSeconds);
      row.querySelector('.frames').textContent = String(c.frames);
      var last = row.querySelector('.last-event');
      last.textContent = c.lastEvent ? c.lastEvent.task + ' · ' + c.lastEvent.summary : '–';
      last.setAttribute('data-status', c.lastEvent ? c.lastEvent.status : '');
    });
    Array.prototype.slice.call(tbody.querySelectorAll('tr')).forEach(function (row) {
      if (!seen[row.getAttribute('data-camera')]) { tbody.removeChild(row); }
    });
    var rows = Array.prototype.slice.call(tbody.querySelectorAll('tr'));
    rows.sort(function (a, b) {
      return a.getAttribute('data-camera').localeCompare(b.getAttribute('data-camera'), undefined, { numeric: true });
    }).forEach(function (row) { tbody.appendChild(row); });
    $('no-cameras').style.display = list.cameras.length ? 'none' : 'block';
    var unreachable = list.unreachable.length ? ' · unreachable: ' + list.unreachable.join(', ') : '';
    $('status-line').textContent = list.instances.length + ' instance(s): ' + list.instances.join(', ')
      + unreachable + ' · updated ' + new Date().toLocaleTimeString();
    if (!selected && list.cameras.length) {
      var active = list.cameras.find(function (c) { return c.status === 'active'; }) || list.cameras[0];
      select(active.cameraId);
    }
  }

  function refreshCameras() {
    getJson('/api/cameras').then(renderCameras).catch(function (e) {
      $('status-line').textContent = 'API unavailable: ' + e.message;
    });
  }

  // ---- system panel ---------------------------------------------------------------------------------------------

  function spark(id, values) {
    var svg = $(id);
    svg.innerHTML = '';
    if (values.length < 2) { return; }
    var max = Math.max.apply(null, values.concat([1e-9]));
    var pts = values.map(function (v, i) {
      return (i * 120 / (values.length - 1)).toFixed(1) + ',' + (27 - v / max * 25).toFixed(1);
    });
    svg.appendChild(svgEl('polyline', { points: pts.join(' '), 'class': 'spark-line' }));
  }

  function rows(tableId, entries) {
    var tbody = document.querySelector('#' + tableId + ' tbody');
    tbody.innerHTML = '';
    entries.forEach(function (e) {
      var tr = el('tr', { 'data-key': e[0] });
      tr.appendChild(el('td', {}, e[0]));
      tr.appendChild(el('td', { 'class': 'num' }, e[1]));
      tbody.appendChild(tr);
    });
  }

  function renderSystem(s) {
    $('sys-frames-in').textContent = fixed(s.framesInPerSecond, 1);
    var total = 0;
    rows('sys-events-out', TASKS.map(function (t) {
      var v = s.eventsOutPerSecond[t] || 0;
      total += v;
      return [t, fixed(v, 2)];
    }));
    $('sys-batch').textContent = fixed(s.batchFrames.p50, 1) + ' / ' + fixed(s.batchFrames.p99, 1);
    $('sys-inference').textContent = duration(s.inferenceLatencySeconds.p50) + ' / '
      + duration(s.inferenceLatencySeconds.p99);
    $('sys-e2e').textContent = duration(s.endToEndLatencySeconds.p50) + ' / '
      + duration(s.endToEndLatencySeconds.p99);
    $('sys-lag').textContent = String(s.consumerLagRecords);
    var reasons = Object.keys(s.deadLettersTotal).filter(function (r) { return s.deadLettersTotal[r] > 0; });
    rows('sys-dlq', reasons.length ? reasons.map(function (r) {
      return [r, s.deadLettersTotal[r] + ' · ' + fixed(s.deadLettersPerSecond[r] || 0, 2)];
    }) : [['none', '0']]);
    $('sys-cameras').textContent = (s.cameras.active || 0) + ' / ' + (s.cameras.idle || 0) + ' / '
      + (s.cameras.closed || 0);
    var threads = Object.keys(s.streamThreads).filter(function (k) { return s.streamThreads[k] > 0; })
      .map(function (k) { return s.streamThreads[k] + ' ' + k; });
    $('sys-threads').textContent = 'stream threads: ' + (threads.join(', ') || 'none') + ' · send errors: '
      + s.sendErrorsTotal;
    history.frames.push(s.framesInPerSecond);
    history.events.push(total);
    if (history.frames.length > 60) { history.frames.shift(); history.events.shift(); }
    spark('spark-frames', history.frames);
    spark('spark-events', history.events);
  }

  function refreshSystem() {
    getJson('/api/system').then(renderSystem).catch(function () { /* the status line says why */ });
  }

  // ---- timeline -------------------------------------------------------------------------------------------------

  function select(cameraId) {
    if (selected === cameraId) { return; }
    selected = cameraId;
    $('selected-camera').textContent = cameraId;
    Array.prototype.slice.call(document.querySelectorAll('#camera-table tbody tr')).forEach(function (row) {
      row.classList.toggle('selected', row.getAttribute('data-camera') === cameraId);
    });
    if (source) { source.close(); }
    timeline = new TimelineRule.Timeline(40);
    lastEmitted = 0;
    render();
    catchUp();
    source = new EventSource('/api/stream?camera=' + encodeURIComponent(cameraId));
    source.addEventListener('analyzer-event', function (msg) { receive(JSON.parse(msg.data)); scheduleRender(); });
    source.addEventListener('open', catchUp);
  }

  function receive(e) {
    if (e.cameraId !== selected) { return; }
    timeline.apply(e);
    lastEmitted = Math.max(lastEmitted, e.emittedAtMs);
  }

  // Fetches what the push channel may have missed (before it opened, or while it reconnected).
  function catchUp() {
    var camera = selected;
    getJson('/api/cameras/' + encodeURIComponent(camera) + '/events?limit=1000&since=' + lastEmitted)
      .then(function (body) {
        if (camera !== selected) { return; }
        body.events.forEach(receive);
        scheduleRender();
      }).catch(function () { /* retried at the next open */ });
  }

  // Draws at most every RENDER_EVERY_MS, however fast events arrive.
  var renderPending = false;
  var RENDER_EVERY_MS = 300;
  function scheduleRender() {
    if (renderPending) { return; }
    renderPending = true;
    setTimeout(function () { renderPending = false; render(); }, RENDER_EVERY_MS);
  }

  // Greedy interval packing: each item goes to the first row whose last item ended before it starts.
  function pack(items, maxRows) {
    var ends = [];
    items.sort(function (a, b) { return a.event.time.startSeconds - b.event.time.startSeconds; });
    items.forEach(function (it) {
      var row = ends.findIndex(function (end) { return end <= it.event.time.startSeconds + 1e-9; });
      if (row < 0) { row = ends.length < maxRows ? ends.length : ends.indexOf(Math.min.apply(null, ends)); }
      ends[row] = it.event.time.endSeconds;
      it.row = row;
    });
  }

  function render() {
    var svg = $('timeline-svg');
    svg.innerHTML = '';
    var width = Math.max(400, $('timeline').clientWidth || 800);
    var left = 110, right = 10, rowH = 18, laneGap = 10, top = 22;
    var items = timeline ? timeline.items.slice() : [];
    var session = items.reduce(function (m, it) { return Math.max(m, it.event.sessionId); }, 0);
    items = items.filter(function (it) { return it.event.sessionId === session; });
    var tMax = items.reduce(function (m, it) { return Math.max(m, it.event.time.endSeconds); }, SPAN_SECONDS);
    var tMin = tMax - SPAN_SECONDS;
    var x = function (t) { return left + (t - tMin) / SPAN_SECONDS * (width - left - right); };
    var height = top + LANES.reduce(function (h, l) { return h + l.rows * rowH + laneGap; }, 0) + 4;
    svg.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
    svg.setAttribute('height', height);
    for (var t = Math.ceil(tMin / 10) * 10; t <= tMax; t += 10) {
      svg.appendChild(svgEl('line', { x1: x(t), x2: x(t), y1: top - 4, y2: height, 'class': 'grid' }));
      svg.appendChild(svgEl('text', { x: x(t), y: 12, 'class': 'axis', 'text-anchor': 'middle' }, t + ' s'));
    }
    var y = top;
    LANES.forEach(function (lane) {
      svg.appendChild(svgEl('rect', { x: 0, y: y - 2, width: width, height: lane.rows * rowH + 4,
        'class': 'lane-bg' }));
      svg.appendChild(svgEl('text', { x: 6, y: y + 13, 'class': 'lane-title' }, lane.title));
      var laneItems = items.filter(function (it) {
        return it.event.task === lane.task && it.event.time.endSeconds >= tMin;
      });
      pack(laneItems, lane.rows);
      laneItems.forEach(function (it) { drawItem(svg, it, lane, x, y + it.row * rowH, rowH, left); });
      y += lane.rows * rowH + laneGap;
    });
    renderAnticipations();
    renderEventList();
  }

  function drawItem(svg, it, lane, x, y, rowH, left) {
    var e = it.event;
    var g = svgEl('g', { 'class': 'item ' + e.task + ' ' + e.status, 'data-uid': it.uid, 'data-task': e.task,
      'data-status': e.status });
    g.appendChild(svgEl('title', {}, e.task + ' (' + e.status + ') ' + summary(e) + ' · frames '
      + e.frames.first + '-' + e.frames.last));
    var x0 = Math.max(left, x(e.time.startSeconds)), x1 = x(e.time.endSeconds);
    if (lane.task === 'PNR') {
      g.appendChild(svgEl('rect', { x: x0, y: y + 6, width: Math.max(1, x1 - x0), height: 4, 'class': 'window' }));
      var k = x(e.keyframe.timeSeconds);
      if (k >= left) {
        g.appendChild(svgEl('line', { x1: k, x2: k, y1: y + 1, y2: y + rowH - 1, 'class': 'keyframe' }));
        g.appendChild(svgEl('circle', { cx: k, cy: y + rowH / 2, r: 3.5, 'class': 'keyframe' }));
      }
    } else {
      var rect = svgEl('rect', { x: x0, y: y + 1, width: Math.max(2, x1 - x0), height: rowH - 3, rx: 3,
        'class': 'box' });
      if (lane.task === 'OSCC' && e.labels.length) {
        var yes = e.labels[0].label === 'yes' ? e.labels[0].score : 1 - e.labels[0].score;
        rect.setAttribute('style', 'fill-opacity:' + (0.15 + 0.75 * yes).toFixed(2));
      }
      g.appendChild(rect);
      if (x1 - x0 > 40) {
        var text = lane.task === 'OSCC' ? summary(e).replace('state change ', '') : summary(e);
        g.appendChild(svgEl('text', { x: x0 + 4, y: y + rowH - 5, 'class': 'box-label' },
          text.length * 6 > x1 - x0 - 6 ? text.slice(0, Math.max(3, Math.floor((x1 - x0 - 6) / 6))) : text));
      }
    }
    svg.appendChild(g);
  }

  function renderAnticipations() {
    var list = $('anticipations');
    list.innerHTML = '';
    var lta = timeline ? timeline.items.filter(function (it) { return it.event.task === 'LTA'; }) : [];
    lta.sort(function (a, b) { return a.event.frames.last - b.event.frames.last || a.event.emittedAtMs - b.event.emittedAtMs; });
    var latest = lta.length ? lta[lta.length - 1].event : null;
    $('lta-status').textContent = latest ? '(' + latest.status + ', after ' + fixed(latest.time.endSeconds, 1)
      + ' s)' : '';
    if (!latest) { return; }
    latest.future.forEach(function (f) {
      var li = el('li', { 'data-step': f.step, title: 'verb ' + fixed(f.verb.score, 2) + ', noun '
        + fixed(f.noun.score, 2) });
      li.appendChild(el('span', { 'class': 'step' }, f.step + '.'));
      li.appendChild(document.createTextNode(' ' + f.verb.label + ' ' + f.noun.label));
      list.appendChild(li);
    });
  }

  function renderEventList() {
    var list = $('event-list');
    list.innerHTML = '';
    var items = timeline ? timeline.items.slice() : [];
    items.sort(function (a, b) { return b.event.emittedAtMs - a.event.emittedAtMs; });
    items.slice(0, 14).forEach(function (it) {
      var e = it.event;
      var li = el('li', { 'data-task': e.task, 'data-status': e.status });
      li.appendChild(el('span', { 'class': 'badge task ' + e.task }, e.task));
      li.appendChild(el('span', { 'class': 'badge ' + e.status }, e.status));
      li.appendChild(el('span', {}, ' ' + fixed(e.time.endSeconds, 1) + ' s · ' + summary(e)));
      list.appendChild(li);
    });
  }

  refreshCameras();
  refreshSystem();
  setInterval(refreshCameras, 1000);
  setInterval(refreshSystem, 2000);
  window.addEventListener('resize', render);
})();
