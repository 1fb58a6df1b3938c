// Runs before the first paint (a classic, blocking script: the page's policy forbids inline ones).
// The pre-rendered first view in index.html shows the default story; a link that asks for any
// other view (filters, a selection, another dataset or tab, an embed) gets the loading skeleton
// instead, so the page never shows a story the link did not ask for.
if (window.location.search.length > 1) document.documentElement.classList.add('sg-linked');

// The app's script is fetched and started only after the first frame of the pre-rendered story: run before it, its
// evaluation would hold back the pre-rendered view's first paint, and fetched before it, its
// download counts against that paint in Lighthouse's simulation. The entry's own imports are
// preloaded at the same moment, so they download beside it rather than after it.
(function startAfterFirstPaint(me) {
  var app = me && me.getAttribute('data-app');
  if (!app) return;
  var linked = document.documentElement.classList.contains('sg-linked');
  var preloads = (me.getAttribute('data-preload') || '').split(' ');
  // A linked view waits for its dataset's checks before it shows anything: they come with the entry.
  if (linked) preloads = preloads.concat((me.getAttribute('data-linked-preload') || '').split(' '));
  var start = function () {
    for (var i = 0; i < preloads.length; i++) {
      if (!preloads[i]) continue;
      var link = document.createElement('link');
      link.rel = 'modulepreload';
      link.crossOrigin = 'anonymous';
      link.href = preloads[i];
      document.head.appendChild(link);
    }
    var script = document.createElement('script');
    script.type = 'module';
    script.crossOrigin = 'anonymous';
    script.src = app;
    document.head.appendChild(script);
  };
  // A link that asks for another view shows only the skeleton until the app has run: nothing is
  // gained by waiting, so its code is fetched while the page is parsed.
  if (linked) return start();
  // After the first contentful paint, as the browser reports it: Chromium 150 runs an animation
  // frame callback before it has painted the parsed page, and the app then counted into that
  // paint. A page that is never painted (a background tab) starts the app after a few seconds.
  var started = false;
  var once = function () {
    if (started) return;
    started = true;
    setTimeout(start, 0);
  };
  setTimeout(once, 3000);
  try {
    new PerformanceObserver(function (list, observer) {
      if (list.getEntriesByName('first-contentful-paint').length === 0) return;
      observer.disconnect();
      once();
    }).observe({ type: 'paint', buffered: true });
  } catch (e) {
    requestAnimationFrame(once);
  }
})(document.currentScript);
