// The staff console works without this script; with it, the console warns before the idle sign-out
// and an open day page shows new bookings and changes by itself.
"use strict";

(function sessionWarning() {
  const warning = document.getElementById("session-warning");
  const ended = document.getElementById("session-ended");
  if (!warning || !ended) return;
  const idle = Number(warning.dataset.idleSeconds) * 1000;
  const lead = Number(warning.dataset.warningSeconds) * 1000;
  let warnTimer, endTimer;

  function schedule() {
    clearTimeout(warnTimer);
    clearTimeout(endTimer);
    warnTimer = setTimeout(() => {
      warning.hidden = false;
      document.getElementById("session-stay").focus();
    }, Math.max(0, idle - lead));
    endTimer = setTimeout(() => {
      warning.hidden = true;
      ended.hidden = false;
      ended.querySelector("a").focus();
    }, idle);
  }

  document.getElementById("session-stay").addEventListener("click", async () => {
    const answer = await fetch(warning.dataset.keepAlive, { redirect: "manual", credentials: "same-origin" }).catch(() => null);
    if (answer && answer.ok) {
      warning.hidden = true;
      schedule();
    } else {
      warning.hidden = true;
      ended.hidden = false;
      ended.querySelector("a").focus();
    }
  });
  schedule();
})();

(function liveDay() {
  const live = document.getElementById("day-live");
  if (!live || !live.dataset.version) return;
  const news = document.getElementById("day-news");
  const changed = document.getElementById("day-changed");
  let version = live.dataset.version;

  // Someone working in the list (a choice made, a box ticked, focus on a control) keeps it as it is until they are done.
  function busy() {
    const active = document.activeElement;
    return (active && active !== document.body && live.contains(active))
      || [...live.querySelectorAll("select")].some((field) => field.selectedIndex > 0)
      || [...live.querySelectorAll("input[type=checkbox]")].some((box) => box.checked);
  }

  async function check() {
    const answer = await fetch(live.dataset.source, { redirect: "manual", credentials: "same-origin", headers: { Accept: "application/json" } }).catch(() => null);
    if (!answer || !answer.ok) return;
    const latest = (await answer.json()).version;
    if (latest === version) return;
    if (busy()) {
      changed.hidden = false;
      return;
    }

    const page = await fetch(location.href, { credentials: "same-origin" }).catch(() => null);
    if (!page || !page.ok) return;
    const fresh = new DOMParser().parseFromString(await page.text(), "text/html").getElementById("day-live");
    if (!fresh || busy()) return;
    live.replaceChildren(...fresh.childNodes);
    version = fresh.dataset.version || latest;
    changed.hidden = true;
    news.textContent = "";
    news.textContent = live.dataset.updated;
  }

  setInterval(check, Number(live.dataset.seconds) * 1000);
})();
