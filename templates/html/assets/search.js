/*
 * 本地事项查询：索引由 search-index.js 提供（全局变量 DUBAN_SEARCH_INDEX），不发出任何网络请求。
 * 结果只用 textContent 写入页面，索引里的文字永远不会被当作 HTML。
 */
(function () {
  'use strict';
  var index = window.DUBAN_SEARCH_INDEX || [];
  var input = document.getElementById('q');
  var list = document.getElementById('search-results');
  var status = document.getElementById('search-status');
  if (!input || !list || !status) return;

  // 全角转半角、忽略大小写和空白，使“ＤＢ２０２６”“db2026”都能查到。
  function fold(s) {
    return String(s).normalize('NFKC').toLowerCase().replace(/\s+/g, '');
  }
  var folded = index.map(function (e) { return fold(e.i + '\n' + e.t + '\n' + e.u); });

  function render(query) {
    var terms = fold(query) ? query.split(/\s+/).map(fold).filter(Boolean) : [];
    while (list.firstChild) list.removeChild(list.firstChild);
    if (terms.length === 0) {
      status.textContent = '共收录' + index.length + '项督办事项，请输入关键词。';
      return;
    }
    var hits = 0;
    index.forEach(function (e, k) {
      for (var t = 0; t < terms.length; t++) if (folded[k].indexOf(terms[t]) < 0) return;
      hits++;
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.setAttribute('href', e.h);
      a.textContent = e.t;
      var meta = document.createElement('span');
      meta.className = 'note';
      meta.textContent = e.i + ' · ' + e.u + ' · ' + e.s;
      li.appendChild(a);
      li.appendChild(meta);
      list.appendChild(li);
    });
    status.textContent = hits ? '找到' + hits + '项事项。' : '没有找到相关事项。';
  }

  var initial = new URLSearchParams(window.location.search).get('q') || '';
  input.value = initial;
  render(initial);
  input.addEventListener('input', function () { render(input.value); });
  input.form && input.form.addEventListener('submit', function (ev) { ev.preventDefault(); render(input.value); });
})();
