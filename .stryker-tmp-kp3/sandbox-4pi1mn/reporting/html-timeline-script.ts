/**
 * The script inlined into index.html: draws each case's timeline as SVG from the JSON next to it,
 * when its <details> is open (failing cases open by default), so a 10,000-case report stays quick.
 * Lanes: one per container (events as ticks with labels); below, one row per expected window:
 * the model's window shaded, its slack lighter, the observed interval as a bar coloured by outcome.
 */
// @ts-nocheck

export const TIMELINE_SCRIPT = `
(function () {
  var NS = 'http://www.w3.org/2000/svg';
  var WIDTH = 1100, LEFT = 190, RIGHT = 60, LANE = 34, ROW = 22, AXIS = 24;
  var COLOURS = { pass: '#1a7f37', fail: '#cf222e', inconclusive: '#bf8700' };
  function el(name, attrs, text) {
    var node = document.createElementNS(NS, name);
    for (var key in attrs) node.setAttribute(key, String(attrs[key]));
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function draw(holder) {
    if (holder.getAttribute('data-drawn')) return;
    holder.setAttribute('data-drawn', '1');
    var data = JSON.parse(holder.querySelector('script').textContent);
    var lanes = [];
    data.events.forEach(function (e) { if (lanes.indexOf(e.lane) < 0) lanes.push(e.lane); });
    var xs = [0];
    data.events.forEach(function (e) { xs.push(e.x); });
    data.windows.forEach(function (w) {
      xs.push(w.earliest - w.slack, w.latest + w.slack);
      if (w.observed) xs.push(w.observed.lo, w.observed.hi);
    });
    var min = Math.min.apply(null, xs), max = Math.max.apply(null, xs);
    if (max - min < 1) max = min + 1;
    var span = max - min;
    function sx(v) { return LEFT + ((v - min) / span) * (WIDTH - LEFT - RIGHT); }
    var lanesTop = AXIS, rowsTop = AXIS + lanes.length * LANE;
    var height = rowsTop + data.windows.length * ROW + 8;
    var svg = el('svg', { width: WIDTH, height: height, viewBox: '0 0 ' + WIDTH + ' ' + height, class: 'timeline-svg', role: 'img' });
    var step = Math.pow(10, Math.floor(Math.log(span) / Math.LN10));
    if (span / step < 4) step = step / 2;
    for (var t = Math.ceil(min / step) * step; t <= max; t += step) {
      svg.appendChild(el('line', { x1: sx(t), x2: sx(t), y1: AXIS - 6, y2: height, class: 'grid' }));
      svg.appendChild(el('text', { x: sx(t), y: AXIS - 10, 'text-anchor': 'middle', class: 'tick' }, (Math.round(t * 100) / 100) + ' s'));
    }
    lanes.forEach(function (lane, i) {
      var y = lanesTop + i * LANE;
      svg.appendChild(el('text', { x: 4, y: y + LANE / 2 + 4, class: 'lane' }, lane));
      svg.appendChild(el('line', { x1: LEFT, x2: WIDTH - RIGHT, y1: y + LANE - 2, y2: y + LANE - 2, class: 'lane-line' }));
    });
    data.events.forEach(function (e, k) {
      var y = lanesTop + lanes.indexOf(e.lane) * LANE;
      var mark = el('line', { x1: sx(e.x), x2: sx(e.x), y1: y + 4, y2: y + LANE - 2, class: 'event event-' + e.source });
      mark.appendChild(el('title', {}, e.what + ' at ' + e.x.toFixed(3) + ' s (' + e.source + ')' + (e.detail ? ': ' + e.detail : '')));
      svg.appendChild(mark);
      svg.appendChild(el('text', { x: sx(e.x) + 2, y: y + (k % 2 ? 24 : 13), class: 'event-label' }, e.what));
    });
    data.windows.forEach(function (w, i) {
      var y = rowsTop + i * ROW;
      svg.appendChild(el('text', { x: 4, y: y + 15, class: 'window-label' }, w.field));
      svg.appendChild(el('rect', { x: sx(w.earliest - w.slack), y: y + 3, width: Math.max(1, sx(w.latest + w.slack) - sx(w.earliest - w.slack)), height: ROW - 6, class: 'slack' }));
      svg.appendChild(el('rect', { x: sx(w.earliest), y: y + 3, width: Math.max(1, sx(w.latest) - sx(w.earliest)), height: ROW - 6, class: 'expected' }));
      if (w.observed) {
        var bar = el('rect', { x: sx(w.observed.lo) - 1, y: y + 7, width: Math.max(3, sx(w.observed.hi) - sx(w.observed.lo) + 2), height: ROW - 14, fill: COLOURS[w.outcome], class: 'observed observed-' + w.outcome });
        bar.appendChild(el('title', {}, w.field + ': observed ' + w.observed.lo.toFixed(2) + '–' + w.observed.hi.toFixed(2) + ' s, expected ' + w.earliest.toFixed(2) + '–' + w.latest.toFixed(2) + ' s ±' + w.slack));
        svg.appendChild(bar);
      }
    });
    holder.insertBefore(svg, holder.firstChild);
  }
  document.querySelectorAll('details.case').forEach(function (details) {
    var holder = details.querySelector('.timeline');
    if (!holder) return;
    if (details.open) draw(holder);
    details.addEventListener('toggle', function () { if (details.open) draw(holder); });
  });
})();
`;
