"""The test run's settings: the real ones (scrutiny/settings.py), but served over plain HTTP.

The test client and the browser tests' live server speak HTTP on loopback, so the HTTPS
redirect, HSTS and HTTPS-only cookies that production gets by default are off here;
``tests/security/test_deploy_check.py`` checks the real settings as production reads them.
"""

from scrutiny.settings import *  # noqa: F403

SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False

# Pinned query counts must not depend on how long a test has run: the idle clock's session
# write (at most once a minute in production) happens here only where a test asks for it.
SESSION_REFRESH_SECONDS = 10**9
