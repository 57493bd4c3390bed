/*
 * The example page's own script (embed-voorbeeld.html): it fills in this site's real address
 * in the code shown, and listens for the figures the embedded calculator reports, as an
 * intranet page would, writing them into the page.
 */
(function () {
  'use strict';
  var script = new URL('embed.js', document.currentScript.src).href;
  Array.prototype.forEach.call(document.querySelectorAll('[data-adres-embed]'), function (code) {
    code.textContent = code.textContent.replace('https://…/embed.js', script);
  });

  // Example: the figures event. It bubbles, so one listener on the page hears every element.
  document.addEventListener('mee-frictiekosten:cijfers', function (event) {
    var message = event.detail;
    if (!message || message.version !== 1) return;
    var figure = function (id) {
      return message.figures.find(function (f) { return f.id === id; });
    };
    var out = document.getElementById('ontvangen');
    if (!out) return;
    out.textContent = 'Ontvangen van de rekenhulp: ' + message.area.name + ', frictiekosten '
      + figure('frictiekosten').text + ', waarvan ongedekt ' + figure('frictiekosten-ongedekt').text
      + ' (als getal: ' + figure('frictiekosten-ongedekt').value + ').';
  });
})();
