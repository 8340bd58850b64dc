// Camunda's own login form is closed (the application signs people in). When Tasklist would show it,
// after 退出 or when the sign-in has expired, the browser goes to the application's login page instead.
const LOGIN_VIEW = /^#\/login\b/;

function toApplicationLogin() {
  if (LOGIN_VIEW.test(window.location.hash)) {
    window.location.replace('/login.html?logout');
  }
}

window.addEventListener('hashchange', toApplicationLogin);
toApplicationLogin();
