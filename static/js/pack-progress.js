// Agenda packs and report PDFs: while a build runs, ask its page for progress every second
// and move the bar; when it is done or has failed, reload to show the download or the error.
// Without JavaScript the "Refresh to see progress" link does the same by hand.
const POLL_MS = 1000;

function watch(panel) {
  const url = panel.dataset.packStatus;
  const bar = panel.querySelector("progress");
  const pages = panel.querySelector("[data-pack-pages]");
  const label = panel.querySelector("[data-pack-label]");
  const tick = async () => {
    let status;
    try {
      const response = await fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" });
      if (!response.ok) throw new Error(String(response.status));
      status = await response.json();
    } catch {
      window.setTimeout(tick, POLL_MS * 3);
      return;
    }
    if (status.state === "done" || status.state === "failed") {
      window.location.reload();
      return;
    }
    if (bar) bar.value = status.percent;
    if (bar) bar.textContent = `${status.percent}%`;
    if (pages) pages.textContent = `${status.pages_done} of about ${status.pages_total} pages`;
    if (label) label.textContent = status.label;
    window.setTimeout(tick, POLL_MS);
  };
  window.setTimeout(tick, POLL_MS);
}

if (!window.packProgressStarted) {
  window.packProgressStarted = true;
  document.querySelectorAll("[data-pack-status]").forEach(watch);
}
