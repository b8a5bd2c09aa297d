"""People with a known password, for the tests that sign in through the sign-in page."""

from tests.factories.scrutiny import UserFactory

PASSWORD = "correct horse battery staple"
NEW_PASSWORD = "a different long passphrase"


def with_password(username: str, **factory_options):
    """A user (``UserFactory`` options: ``role``, ``authorities``, ``roles``) whose password
    is PASSWORD."""
    user = UserFactory(username=username, **factory_options)
    user.set_password(PASSWORD)
    user.save()
    return user
