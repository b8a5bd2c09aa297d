// GOV.UK Frontend components (error summary focus, details, tabs...) without inline script.
import { initAll } from "/static/vendor/govuk/govuk-frontend.min.js";
document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();

// A table wider than the page scrolls sideways inside its wrapper. Keyboard users must be
// able to reach and scroll that region (WCAG 2.1.1), so it becomes a named, focusable
// region; only while it does scroll, so every other table adds no tab stop.
function markScrollingTables() {
  for (const wrapper of document.querySelectorAll(".app-table-wrapper")) {
    if (wrapper.scrollWidth > wrapper.clientWidth) {
      const caption = wrapper.querySelector("caption");
      const name = caption ? caption.textContent.trim() : "Table";
      wrapper.tabIndex = 0;
      wrapper.setAttribute("role", "region");
      wrapper.setAttribute("aria-label", `${name} (scrolls sideways)`);
    } else if (wrapper.hasAttribute("tabindex")) {
      wrapper.removeAttribute("tabindex");
      wrapper.removeAttribute("role");
      wrapper.removeAttribute("aria-label");
    }
  }
}
markScrollingTables();
window.addEventListener("resize", markScrollingTables);
