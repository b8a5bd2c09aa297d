// GOV.UK Frontend components (error summary focus, details, tabs...) without inline script.
import { initAll } from "/static/vendor/govuk/govuk-frontend.min.js";
document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();
