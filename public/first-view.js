// Runs before the first paint (a classic, blocking script: the page's policy forbids inline ones).
// The pre-rendered first view in index.html shows the default story; a link that asks for any
// other view (filters, a selection, another dataset or tab, an embed) gets the loading skeleton
// instead, so the page never shows a story the link did not ask for.
if (window.location.search.length > 1) document.documentElement.classList.add('sg-linked');

// The app's script is preloaded by the page but started only after the first frame: run before
// it, its evaluation would hold back the pre-rendered view's first paint.
(function startAfterFirstPaint(me) {
  var app = me && me.getAttribute('data-app');
  if (!app) return;
  var start = function () {
    var script = document.createElement('script');
    script.type = 'module';
    script.crossOrigin = 'anonymous';
    script.src = app;
    document.head.appendChild(script);
  };
  requestAnimationFrame(function () {
    setTimeout(start, 0);
  });
})(document.currentScript);
