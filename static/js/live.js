// Live coverage (live/, templates/live/coverage.html): an enhancement only, the page is
// complete without it.
// - Times of updates also say how long ago they were ("5 minutes ago").
// - Share links use the device's share sheet, or copy the update's address.
// - On the first page of running coverage, the page asks every few seconds for updates
//   added since it was loaded (a small cached request, the same for every reader with the
//   same newest update) and offers them behind an "N new updates" button: nothing moves
//   while the reader reads; the button inserts them at the top of the updates and moves
//   focus to the newest. When updates already on the page were corrected, pinned or deleted
//   (the answer's edition differs from the page's), it says so with a link that reloads.
"use strict";

(() => {
  const POLL_SECONDS = 6;
  const section = document.querySelector(".live");
  if (!section) return;

  const relative = new Intl.RelativeTimeFormat(document.documentElement.lang || "en", {
    numeric: "auto",
  });
  const STEPS = [
    [60, "second"],
    [60, "minute"],
    [24, "hour"],
    [7, "day"],
  ];

  function ago(date) {
    let amount = (date.getTime() - Date.now()) / 1000;
    for (const [size, unit] of STEPS) {
      if (Math.abs(amount) < size) {
        return unit === "second" ? "just now" : relative.format(Math.round(amount), unit);
      }
      amount /= size;
    }
    return null;
  }

  function showRelativeTimes(root) {
    root.querySelectorAll(".update-time time[datetime]").forEach((time) => {
      const text = ago(new Date(time.getAttribute("datetime")));
      const link = time.closest(".update-time");
      let label = link.nextElementSibling;
      if (!label || !label.classList.contains("relative-time")) {
        if (!text) return;
        label = document.createElement("span");
        label.className = "relative-time";
        link.after(label);
      }
      label.textContent = text ? ` · ${text}` : "";
    });
  }

  // Announced to screen readers; the button says the same to everyone else.
  const status = document.createElement("p");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  section.prepend(status);

  section.addEventListener("click", async (event) => {
    const link = event.target.closest(".update-share");
    if (!link) return;
    const url = link.href;
    if (navigator.share) {
      event.preventDefault();
      try {
        await navigator.share({ title: link.dataset.shareTitle, url });
      } catch {
        // The reader closed the share sheet.
      }
    } else if (navigator.clipboard && window.isSecureContext) {
      event.preventDefault();
      await navigator.clipboard.writeText(url);
      status.textContent = "Link to the update copied.";
    }
  });

  showRelativeTimes(section);
  setInterval(() => showRelativeTimes(section), 30000);

  let pollUrl = section.dataset.livePoll;
  const list = section.querySelector("[data-live-updates]");
  if (!pollUrl || !list) return;

  const button = document.createElement("button");
  button.type = "button";
  button.className = "live-new-updates";
  button.hidden = true;
  list.before(button);

  let pending = null; // the latest answer not shown yet
  let timer = null;
  let edition = section.dataset.liveEdition; // of the updates the page shows

  const corrected = document.createElement("p");
  corrected.className = "live-corrected";
  corrected.hidden = true;
  const reload = document.createElement("a");
  reload.href = location.pathname + location.search;
  reload.textContent = "Reload to see the changes";
  corrected.append("Updates on this page were corrected or removed. ", reload, ".");
  button.before(corrected);

  function say(count) {
    const text = count === 1 ? "1 new update" : `${count} new updates`;
    button.textContent = `↑ Show ${text}`;
    button.hidden = false;
    status.textContent = `${text}. Use the “Show” button to read.`;
  }

  async function poll() {
    timer = null;
    try {
      const response = await fetch(pollUrl, { headers: { Accept: "application/json" } });
      if (response.ok) {
        const answer = await response.json();
        if (answer.count > 0 && (!pending || answer.cursor !== pending.cursor)) {
          pending = answer;
          say(answer.count);
        }
        if (edition && answer.edition && answer.edition !== edition && corrected.hidden) {
          corrected.hidden = false;
          status.textContent = "Updates on this page were corrected or removed.";
        }
        if (!answer.running) return; // coverage ended: a reload shows the end
      }
    } catch {
      // Offline for a moment: try again at the next turn.
    }
    schedule();
  }

  function schedule() {
    if (!timer && !document.hidden) timer = setTimeout(poll, POLL_SECONDS * 1000);
  }

  document.addEventListener("visibilitychange", () => {
    if (document.hidden) {
      clearTimeout(timer);
      timer = null;
    } else {
      schedule();
    }
  });

  button.addEventListener("click", () => {
    if (!pending) return;
    const template = document.createElement("template");
    template.innerHTML = pending.html;
    const added = [...template.content.children];
    list.querySelector(":scope > p.muted")?.remove(); // "No updates yet."
    list.prepend(template.content);
    showRelativeTimes(list);
    pollUrl = pollUrl.replace(/\/\d+\/$/, `/${pending.cursor}/`);
    if (corrected.hidden) edition = pending.next_edition;
    pending = null;
    button.hidden = true;
    status.textContent = "";
    if (added.length) added[0].focus();
  });

  schedule();
})();
