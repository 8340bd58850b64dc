// Staff move between their tasks and the workbench's pages (tender list, registration, sessions,
// workstations…) many times a day: one link, always in the same place, in every Tasklist view.
(function () {
  if (document.getElementById('remote-eval-workbench-link')) return;
  const link = document.createElement('a');
  link.id = 'remote-eval-workbench-link';
  link.href = '/workbench/';
  link.textContent = '打开工作台';
  link.setAttribute('style', 'position:fixed;left:16px;bottom:16px;z-index:2000;background:#1f5fa8;color:#fff;'
    + 'padding:6px 14px;border-radius:16px;box-shadow:0 1px 4px rgba(0,0,0,.25);text-decoration:none;font-size:13px;');
  document.body.appendChild(link);
})();
