// Runs before the first paint (a classic, blocking script: the page's policy forbids inline ones).
// The pre-rendered first view in index.html shows the default story; a link that asks for any
// other view (filters, a selection, another dataset or tab, an embed) gets the loading skeleton
// instead, so the page never shows a story the link did not ask for.
if (window.location.search.length > 1) document.documentElement.classList.add('sg-linked');
