/*
 * Syria violations atlas: resizes embedded atlas iframes to their content.
 * The embed posts { type: 'atlas:height', height } to its parent on load and whenever its height
 * changes; this script sets the height of the iframe whose window sent it. Nothing else: no
 * cookies, no requests, no globals. Safe to include more than once.
 */
(function () {
  if (window.__atlasEmbedResize) return;
  window.__atlasEmbedResize = true;
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data !== 'object' || data.type !== 'atlas:height') return;
    var height = Number(data.height);
    if (!isFinite(height) || height <= 0 || height > 100000) return;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = Math.ceil(height) + 'px';
        frames[i].setAttribute('height', String(Math.ceil(height)));
        return;
      }
    }
  });
})();
