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

// The service navigation shows its items on one row when they fit there and folds them behind
// "Menu" when they do not, at any width: never two or three rows of links.
function fitNavigation(root) {
  const toggle = root.querySelector(".govuk-service-navigation__toggle");
  const list = root.querySelector(".govuk-service-navigation__list");
  if (!toggle || !list || !list.children.length) return;
  let open = false;
  const layout = () => {
    root.classList.remove("app-service-navigation--collapsed");
    list.hidden = false;
    toggle.hidden = true;
    const items = [...list.children];
    const tablet = window.matchMedia("(min-width: 40.0625em)").matches;
    const oneRow = items.every((item) => item.offsetTop === items[0].offsetTop);
    if (tablet && oneRow) {
      toggle.removeAttribute("aria-expanded");
      return;
    }
    root.classList.add("app-service-navigation--collapsed");
    toggle.hidden = false;
    toggle.setAttribute("aria-expanded", String(open));
    list.hidden = !open;
  };
  toggle.addEventListener("click", () => {
    open = !open;
    layout();
  });
  layout();
  window.addEventListener("resize", layout);
  document.fonts.ready.then(layout);
}
document.querySelectorAll('[data-app-module="fitted-navigation"]').forEach(fitNavigation);
