"""Writing reports and managing meetings in the browser: forms and the narrative format."""
