/*
 * Rekenhulp frictiekosten MEE 2015 — embed the calculator in any page.
 *
 *   <div data-mee-frictiekosten data-gemeente="Groningen" data-wijziging="-13"
 *        data-titel="Rekenhulp frictiekosten: Groningen"></div>
 *   <script src="https://…/embed.js" defer></script>
 *
 * Every element with data-mee-frictiekosten gets an iframe with the calculator in compact
 * mode, also an element the page adds later (a CMS that inserts its content after loading).
 * The element's other data-* attributes become the link parameters of the README, read by
 * their real names: without "data-" and with underscores for dashes (data-ivh-wijziging →
 * ivh_wijziging, data-pad-2016 → pad_2016). data-titel is the iframe's title, never a
 * parameter. The iframe takes the height the calculator reports, and only from the
 * calculator's own origin. Attributes that would make the frame's address longer than a
 * web server accepts (8.000 characters) give a Dutch message in the element instead.
 *
 * The frame's address names this page's origin (host=), and the calculator posts its figures
 * to that origin alone whenever they settle; they are raised here on the host element as the
 * event "mee-frictiekosten:cijfers" (bubbling), with the message as its detail:
 *
 *   element.addEventListener('mee-frictiekosten:cijfers', function (event) {
 *     var ongedekt = event.detail.figures.find(function (f) { return f.id === 'frictiekosten-ongedekt'; });
 *     console.log(event.detail.area.name, ongedekt.value, ongedekt.text);
 *   });
 *
 * The message (version 1): {source: "mee-frictiekosten", type: "figures", version: 1,
 * area: {kind, name}, query, link, figures: [{id, label, value, unit, text}, …]}; README,
 * "Embedding in another page", says what each field holds.
 *
 * Works under a strict CSP: no eval, no inline style attribute (the iframe's styles are set
 * through the CSSOM, which style-src without 'unsafe-inline' allows), nothing from elsewhere.
 */
(function () {
  'use strict';
  var MARKER = 'data-mee-frictiekosten';
  var TITLE = 'data-titel';
  // The event the figures are raised as on the host element.
  var FIGURES_EVENT = 'mee-frictiekosten:cijfers';
  var DEFAULT_TITLE = 'Rekenhulp frictiekosten MEE 2015';
  // What the calculator needs in a sandboxed frame, and no more: its scripts, its own origin
  // (module scripts, storage, and the height messages, whose origin is checked below), a new
  // tab for "Open in een nieuw tabblad" that is an ordinary page, and the CSV download.
  // Not given: forms, dialogs, navigating the host page.
  var SANDBOX = ['allow-scripts', 'allow-same-origin', 'allow-popups', 'allow-popups-to-escape-sandbox', 'allow-downloads'];
  // nginx and Apache refuse request lines over about 8 KB (414/400), which a frame would
  // show as a bare error page; the calculator itself writes no link longer than this.
  var MAX_URL = 8000;

  // currentScript is set for a classic script, also with defer or async (not for a module).
  var script = document.currentScript;
  if (!script || !script.src || window.__meeFrictiekostenEmbed) return;
  window.__meeFrictiekostenEmbed = true;

  var base = new URL('./', script.src);
  var seen = new WeakSet();

  /** The link parameters of a host element: its data-* attributes, embed=1, and this
   * page's origin, to which alone the calculator posts its figures (none from a page
   * without one, such as a file opened from disk). */
  function query(host) {
    var params = new URLSearchParams();
    Array.prototype.forEach.call(host.attributes, function (attribute) {
      var name = attribute.name.toLowerCase();
      if (name.indexOf('data-') !== 0 || name === MARKER || name === TITLE) return;
      params.set(name.slice(5).replace(/-/g, '_'), attribute.value);
    });
    params.set('embed', '1');
    if (/^https?:\/\//.test(location.origin)) params.set('host', location.origin);
    else params.delete('host');
    return params.toString();
  }

  /** Gives a host element its iframe, once. */
  function embed(host) {
    if (seen.has(host)) return;
    seen.add(host);
    // A copy of an embedded element (content moved by copying it) brings its iframe along.
    if (host.querySelector('iframe')) return;
    var src = new URL('?' + query(host), base).href;
    if (src.length > MAX_URL) return tooLong(host, src.length);
    var frame = document.createElement('iframe');
    var sandbox = frame.sandbox;
    if (sandbox && sandbox.supports) {
      SANDBOX.forEach(function (flag) {
        if (sandbox.supports(flag)) sandbox.add(flag);
      });
    }
    frame.src = src;
    frame.title = (host.getAttribute(TITLE) || '').trim() || DEFAULT_TITLE;
    frame.loading = 'lazy';
    frame.setAttribute('referrerpolicy', 'no-referrer');
    frame.style.width = '100%';
    frame.style.border = '0';
    frame.style.display = 'block';
    frame.style.height = '900px';
    host.appendChild(frame);
  }

  /** Says in the host element, instead of a frame the server would refuse, that its
   * attributes make the calculator's address too long, and offers it without them. */
  function tooLong(host, length) {
    var longest = '';
    Array.prototype.forEach.call(host.attributes, function (attribute) {
      var name = attribute.name.toLowerCase();
      if (name.indexOf('data-') !== 0 || name === MARKER || name === TITLE) return;
      if (!longest || attribute.value.length > host.getAttribute(longest).length) longest = name;
    });
    var number = function (n) { return n.toLocaleString('nl-NL'); };
    var note = document.createElement('p');
    note.className = 'mee-frictiekosten-melding';
    var title = document.createElement('strong');
    title.textContent = 'De rekenhulp kan hier niet worden getoond.';
    var link = document.createElement('a');
    link.href = base.href;
    link.target = '_blank';
    link.rel = 'noopener';
    link.textContent = 'Open de rekenhulp zonder deze instellingen';
    note.append(
      title,
      ' Met de instellingen op deze pagina wordt haar adres ' + number(length) + ' tekens lang, en webservers '
        + 'weigeren adressen van meer dan ' + number(MAX_URL) + ' tekens' + (longest ? ' (de langste instelling is ' + longest + ')' : '')
        + '. ',
      link,
      '.'
    );
    host.appendChild(note);
  }

  /** Embeds `node` if it is a host element, and every host element inside it. */
  function embedIn(node) {
    if (node.nodeType !== 1) return;
    if (node.hasAttribute(MARKER)) embed(node);
    Array.prototype.forEach.call(node.querySelectorAll('[' + MARKER + ']'), embed);
  }

  function start() {
    embedIn(document.documentElement);
    // Afterwards only what is added is looked at, never the whole page again.
    new MutationObserver(function (records) {
      records.forEach(function (record) {
        if (record.type === 'attributes') {
          if (record.target.hasAttribute(MARKER)) embed(record.target);
        } else {
          Array.prototype.forEach.call(record.addedNodes, embedIn);
        }
      });
    }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: [MARKER] });
  }

  /** The iframe of ours a message came from. Looked up now, so an iframe the page has
   * removed is not kept alive by a list here. */
  function frameOf(source) {
    var frames = document.querySelectorAll('[' + MARKER + '] > iframe');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === source) return frames[i];
    }
    return null;
  }

  window.addEventListener('message', function (event) {
    if (event.origin !== base.origin) return;
    var data = event.data;
    if (!data || data.source !== 'mee-frictiekosten') return;
    var frame = frameOf(event.source);
    if (!frame) return;
    if (data.type === 'resize') {
      var height = Number(data.height);
      if (!isFinite(height) || height <= 0 || height > 100000) return;
      frame.style.height = Math.ceil(height) + 'px';
    } else if (data.type === 'figures' && frame.parentNode) {
      frame.parentNode.dispatchEvent(new CustomEvent(FIGURES_EVENT, { detail: data, bubbles: true }));
    }
  });

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
