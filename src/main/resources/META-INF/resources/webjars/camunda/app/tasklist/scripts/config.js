// remote-eval's Tasklist configuration: replaces the webjar's default file of the same path (this
// application's classes come first on the class path). Keep the shortcuts in step with Camunda's.
export default {
  app: {
    name: '任务收件箱',
    vendor: '远程异地评标调度系统'
  },
  // Camunda ships only en and de; zh.json beside this file is ours. Tasklist matches the browser's first
  // language by its prefix (zh-CN -> zh) and falls back to zh for any language it does not list.
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  },
  // People sign in through the application's login page (Spring Security, or Keycloak): see the script.
  customScripts: ['remote-eval/sign-in', 'remote-eval/workbench-link'],
  shortcuts: {
    claimTask: { key: 'ctrl+alt+c', description: 'claims the currently selected task' },
    focusFilter: { key: 'ctrl+shift+f', description: 'set the focus to the first filter in the list' },
    focusList: { key: 'ctrl+alt+l', description: 'sets the focus to the first task in the list' },
    focusForm: { key: 'ctrl+alt+f', description: 'sets the focus to the first input field in a task form' },
    startProcess: { key: 'ctrl+alt+p', description: 'opens the start process modal dialog' }
  }
};
