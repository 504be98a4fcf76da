// A measure's share page (m/<metric>/, written by scripts/cards-plugin.ts) carries that measure's
// card for link previews. A reader with JavaScript goes straight on to the explorer, at the view
// in the link's query string (or the measure's default view); without it the page shows the card
// and a link. A plain file: the content security policy allows no inline script.
(function () {
  var meta = function (name) {
    var el = document.querySelector('meta[name="' + name + '"]');
    return el ? el.getAttribute('content') || '' : '';
  };
  var fallback = new URLSearchParams(meta('atlas-view'));
  var asked = new URLSearchParams(location.search);
  if (!asked.get('metric')) asked.set('metric', fallback.get('metric') || '');
  var query = asked.toString();
  location.replace(new URL((meta('atlas-root') || '../../') + (query ? '?' + query : '') + location.hash, location.href).href);
})();
