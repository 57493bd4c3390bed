/*
 * Rekenhulp frictiekosten MEE 2015 — embed the calculator in any page.
 *
 *   <div data-mee-frictiekosten data-gemeente="Groningen" data-wijziging="-13"></div>
 *   <script src="https://…/embed.js" defer></script>
 *
 * Every element with data-mee-frictiekosten gets an iframe with the calculator in compact
 * mode. Its data-* attributes become the link parameters of the README (data-gemeente,
 * data-regio, data-mee, data-wijziging, data-inkoop, data-ivh-wijziging, data-ivh,
 * data-fte-kosten, …): dashes become underscores. The iframe takes the height the
 * calculator reports, and only from the calculator's own origin.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || window.__meeFrictiekostenEmbed) return;
  window.__meeFrictiekostenEmbed = true;

  var base = new URL('./', script.src);
  var frames = [];

  function frameFor(host) {
    var params = new URLSearchParams();
    Object.keys(host.dataset).forEach(function (key) {
      if (key === 'meeFrictiekosten') return;
      var name = key.replace(/[A-Z]/g, function (c) { return '_' + c.toLowerCase(); });
      params.set(name, host.dataset[key]);
    });
    params.set('embed', '1');
    var frame = document.createElement('iframe');
    frame.src = new URL('?' + params.toString(), base).href;
    frame.title = host.getAttribute('data-titel') || 'Rekenhulp frictiekosten MEE 2015';
    frame.loading = 'lazy';
    frame.setAttribute('referrerpolicy', 'no-referrer');
    frame.style.width = '100%';
    frame.style.border = '0';
    frame.style.display = 'block';
    frame.style.height = '900px';
    return frame;
  }

  function start() {
    var hosts = document.querySelectorAll('[data-mee-frictiekosten]');
    Array.prototype.forEach.call(hosts, function (host) {
      if (host.querySelector('iframe')) return;
      var frame = frameFor(host);
      host.appendChild(frame);
      frames.push(frame);
    });
  }

  window.addEventListener('message', function (event) {
    if (event.origin !== base.origin) return;
    var data = event.data;
    if (!data || data.source !== 'mee-frictiekosten' || data.type !== 'resize') return;
    var height = Number(data.height);
    if (!isFinite(height) || height <= 0 || height > 100000) return;
    frames.forEach(function (frame) {
      if (frame.contentWindow === event.source) frame.style.height = Math.ceil(height) + 'px';
    });
  });

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
