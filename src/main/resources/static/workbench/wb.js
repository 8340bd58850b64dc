/*
 * The workbench's shared script: the header with the pages that are the signed-in person's, calls to
 * the API with the browser session, and the API's problem+json shown next to the fields at fault.
 * Every page includes it and then calls WB.page('<page key>') before its own script.
 */
'use strict';
(function () {
  // The permanent cross-province sub-venues (policy 四), whose staff see the partners' tenders hosted there.
  const HOSTING_CENTERS = ['PROV', 'HRB', 'QQHR'];
  // The pages, in the header's order, and who sees each; the API still decides every call.
  const PAGES = [
    { key: 'tenders', href: '/workbench/', label: '标段', who: p => p.staffOf.length || p.supervisorOf.length || p.operator || p.drc || p.tenderer },
    { key: 'register', href: '/workbench/register.html', label: '登记标段', who: p => p.staffOf.length || p.operator },
    { key: 'sessions', href: '/workbench/sessions.html', label: '评标场次与专家核验', who: p => p.staffOf.length },
    { key: 'workstations', href: '/workbench/workstations.html', label: '评标工位', who: p => p.staffOf.length || p.operator },
    { key: 'experts', href: '/workbench/experts.html', label: '专家库', who: p => p.poolAdmin },
    { key: 'reports', href: '/workbench/reports.html', label: '月度报告', who: p => p.drc || p.operator || p.staffOf.length },
    { key: 'calendar', href: '/workbench/calendar.html', label: '节假日安排', who: p => p.operator },
    { key: 'hostings', href: '/workbench/hostings.html', label: '承接场次', who: p => p.operator || p.staffOf.some(c => HOSTING_CENTERS.includes(c.code)) },
    { key: 'partners', href: '/workbench/partners.html', label: '合作省份', who: p => p.operator || p.staffOf.some(c => c.code === 'PROV') },
    { key: 'exchange', href: '/workbench/exchange.html', label: '跨省报文', who: p => p.operator },
    { key: 'chain', href: '/workbench/chain.html', label: '哈希链校验', who: p => p.operator },
    { key: 'tasklist', href: '/camunda/app/tasklist/', label: '待办任务', who: p => p.staffOf.length || p.supervisorOf.length || p.drc || p.operator }
  ];
  const CAMUNDA_LOGOUT = '/camunda/api/admin/auth/user/default/logout';

  /** A refusal of the API: its problem+json, or what a non-JSON failure said. */
  class Problem extends Error {
    constructor(status, body) {
      super((body && (body.detail || body.title)) || ('请求失败（' + status + '）'));
      this.status = status;
      this.title = (body && body.title) || '';
      this.errors = (body && Array.isArray(body.errors)) ? body.errors : [];
    }
  }

  async function request(method, url, body, headers) {
    const init = { method, credentials: 'same-origin', headers: Object.assign({ Accept: 'application/json' }, headers || {}) };
    if (body instanceof FormData || body instanceof Blob) {
      init.body = body;
    } else if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    const response = await fetch(url, init);
    if (response.status === 401) {
      location.href = '/login.html';
      throw new Problem(401, { detail: '登录已失效，请重新登录。' });
    }
    const text = await response.text();
    let json = null;
    if (text) {
      try { json = JSON.parse(text); } catch (e) { json = null; }
    }
    if (!response.ok) throw new Problem(response.status, json);
    return json;
  }

  let currentPerson = null;
  async function me() {
    if (!currentPerson) currentPerson = await request('GET', '/api/me');
    return currentPerson;
  }

  /** Builds an element: el('td', {className: 'num'}, 'text', otherNode). */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (key === 'dataset') Object.assign(node.dataset, value);
      else if (key.startsWith('on')) node.addEventListener(key.substring(2), value);
      else if (key in node && key !== 'list') node[key] = value;
      else node.setAttribute(key, value === true ? '' : value);
    }
    for (const child of children.flat()) {
      if (child === undefined || child === null || child === false) continue;
      node.append(child instanceof Node ? child : String(child));
    }
    return node;
  }

  /** The element a problem's field belongs to: [data-field=f], [name=f], or the nearest named parent path. */
  function fieldElement(form, field) {
    let path = field;
    while (path) {
      const found = form.querySelector('[data-field="' + CSS.escape(path) + '"]') || form.querySelector('[name="' + CSS.escape(path) + '"]');
      if (found) return found;
      const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
      path = cut > 0 ? path.substring(0, cut) : '';
    }
    return null;
  }

  function clearErrors(form) {
    form.querySelectorAll('.field-error, .form-error').forEach(node => node.remove());
    form.querySelectorAll('.invalid').forEach(node => node.classList.remove('invalid'));
  }

  /**
   * Shows a refusal in the form: each field's message under its field, the rest (and the summary)
   * at the top of the form. Returns the summary element.
   */
  function showErrors(form, problem) {
    clearErrors(form);
    const unplaced = [];
    for (const error of (problem.errors || [])) {
      const target = error.field ? fieldElement(form, error.field) : null;
      if (!target) { unplaced.push(error); continue; }
      target.classList.add('invalid');
      const message = el('div', { className: 'field-error', role: 'alert', dataset: { errorFor: error.field } }, error.message);
      const holder = target.closest('.field') || target.parentElement;
      holder.append(message);
    }
    // The API's summary speaks to programs ("按 errors 逐项修改"); a person is shown the fields in red instead.
    const text = problem.message.replace(/按 ?errors ?逐项修改/g, '按标红的提示逐项修改');
    const summary = el('div', { className: 'form-error', role: 'alert' }, text,
      unplaced.length ? el('ul', {}, unplaced.map(e => el('li', {}, (e.field ? e.field + '：' : '') + e.message))) : null);
    form.prepend(summary);
    const first = form.querySelector('.invalid');
    if (first && first.focus) first.focus();
    return summary;
  }

  /** Shows a notice (or an error) in a status element, replacing what it showed. */
  function say(target, text, isError) {
    target.replaceChildren(el('div', { className: isError ? 'form-error' : 'notice', role: isError ? 'alert' : 'status' }, text));
  }

  /** A paged list's #summary, #page, #prev and #next for one page of the API's {page, size, total}. */
  function showPage(result, counted, none) {
    const pages = Math.max(1, Math.ceil(result.total / result.size));
    document.getElementById('summary').textContent = result.total ? '共 ' + result.total + ' ' + counted : none;
    document.getElementById('page').textContent = '第 ' + (result.page + 1) + ' / ' + pages + ' 页';
    document.getElementById('prev').disabled = result.page === 0;
    document.getElementById('next').disabled = result.page + 1 >= pages;
  }

  /** Turns the pages: a new search or cleared filters start again (0), #prev and #next move by one. */
  function onPaging(form, turn) {
    form.addEventListener('submit', e => { e.preventDefault(); turn(0); });
    form.addEventListener('reset', () => setTimeout(() => turn(0)));
    document.getElementById('prev').addEventListener('click', () => turn(-1));
    document.getElementById('next').addEventListener('click', () => turn(1));
  }

  function pad(n) { return String(n).padStart(2, '0'); }
  /** An instant as Beijing time, to the minute. */
  function instant(value) {
    if (!value) return '';
    const d = new Date(new Date(value).getTime() + 8 * 3600 * 1000);
    return d.getUTCFullYear() + '-' + pad(d.getUTCMonth() + 1) + '-' + pad(d.getUTCDate()) + ' ' + pad(d.getUTCHours()) + ':' + pad(d.getUTCMinutes());
  }
  const HALF_DAYS = { AM: '上午', PM: '下午' };
  const CATEGORIES = { CONSTRUCTION: '施工', GOODS: '货物', SERVICES: '服务', EPC: '工程总承包' };
  function param(name) { return new URLSearchParams(location.search).get(name); }

  /** Today in Beijing, as yyyy-mm-dd. */
  function today() { return instant(new Date().toISOString()).substring(0, 10); }

  async function logout() {
    try { await fetch(CAMUNDA_LOGOUT, { method: 'POST', credentials: 'same-origin' }); } finally { location.href = '/login.html?logout'; }
  }

  /**
   * Draws the header for the signed-in person (the page 'active' highlighted) and resolves to the
   * person: { userId, name, operator, drc, poolAdmin, tenderer, staffOf: [{code,name}], supervisorOf }.
   */
  async function page(active) {
    const person = await me();
    const header = el('header', { className: 'wb' },
      el('a', { className: 'brand', href: '/workbench/' }, '远程异地评标工作台'),
      el('nav', {}, PAGES.filter(p => p.who(person)).map(p =>
        el('a', { href: p.href, className: p.key === active ? 'active' : '', dataset: { page: p.key } }, p.label))),
      el('span', { className: 'who', id: 'wb-who' }, person.name + '（' + person.userId + '）',
        el('button', { type: 'button', id: 'wb-logout', onclick: logout }, '退出')));
    document.body.prepend(header);
    return person;
  }

  window.WB = { Problem, request, get: url => request('GET', url), send: request, me, el, page, showErrors, clearErrors, say,
    showPage, onPaging,
    instant, today, param, HALF_DAYS, CATEGORIES };
})();
